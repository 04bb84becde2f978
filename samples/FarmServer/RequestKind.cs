namespace Farm.Server;

/// <summary>What a request to the Farm server is, by the protocol step it takes; faults are scripted per kind.</summary>
public enum RequestKind
{
    /// <summary>A JSON method (insert without media, get, list, update, delete).</summary>
    Json,

    /// <summary>A <c>GET ...?alt=media</c> download (or one range of it).</summary>
    Download,

    /// <summary>A single-request <c>uploadType=media</c> upload.</summary>
    MediaUpload,

    /// <summary>A single-request <c>uploadType=multipart</c> upload.</summary>
    MultipartUpload,

    /// <summary>The request that opens a resumable session (<c>uploadType=resumable</c>, no <c>upload_id</c>).</summary>
    Initiate,

    /// <summary>A data-bearing PUT to a resumable session.</summary>
    Chunk,

    /// <summary>A resumable status query: <c>Content-Range: bytes */T</c> with an empty body.</summary>
    StatusQuery,

    /// <summary>A DELETE of a resumable session (cancellation).</summary>
    CancelSession,

    /// <summary>The outer <c>multipart/mixed</c> POST of a batch; each call in it is recorded again as its own kind.</summary>
    Batch,

    /// <summary>A request to the OAuth token endpoint (<c>POST /token</c>).</summary>
    Token,

    /// <summary>A request to the metadata server (<c>/computeMetadata/v1/...</c>).</summary>
    Metadata,
}
