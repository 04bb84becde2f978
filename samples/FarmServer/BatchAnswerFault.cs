namespace Farm.Server;

/// <summary>How a scripted fault spoils the answer to the first call of a batch (<see cref="ScriptedFault.BatchAnswer"/>).</summary>
public enum BatchAnswerFault
{
    /// <summary>Leave the answer out of the batch response.</summary>
    Omit,

    /// <summary>Send the part with an embedded response that is not HTTP.</summary>
    Garble,

    /// <summary>Answer under a Content-ID the client never sent.</summary>
    UnknownId,
}
