namespace Discovery.Runtime;

/// <summary>What a request is to the retry rules, which differ only for the steps of a resumable upload.</summary>
internal enum StepKind
{
    /// <summary>Repeating it may repeat its effect unless its method is idempotent.</summary>
    Plain,

    /// <summary>The POST that opens a resumable session: a session nothing is written to creates nothing.</summary>
    UploadInitiation,

    /// <summary>A chunk or status query on a session URI: the status query makes a repeat exact; 404/410 mean the session is gone.</summary>
    UploadSession,

    /// <summary>
    /// A call in a batch whose HTTP request failed before any answer arrived: the batch contract counts that as a batch
    /// the server did not act on, so every call in it goes again, whatever its method.
    /// </summary>
    UnansweredBatch,
}
