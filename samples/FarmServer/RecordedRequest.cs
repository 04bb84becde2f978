namespace Farm.Server;

/// <summary>What the Farm server saw of one request: enough for a test to judge the client from the server's side.</summary>
/// <param name="Kind">The protocol step.</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">Path and query as sent.</param>
/// <param name="Range">The request's <c>Range</c> header (downloads).</param>
/// <param name="IfRange">The request's <c>If-Range</c> header (downloads).</param>
/// <param name="ContentRange">The request's <c>Content-Range</c> header (resumable PUTs).</param>
/// <param name="ContentType">The request's <c>Content-Type</c>.</param>
/// <param name="Authorization">The <c>Authorization</c> header.</param>
/// <param name="UserAgent">The <c>User-Agent</c> header.</param>
/// <param name="UploadContentType">The <c>X-Upload-Content-Type</c> header (initiation).</param>
/// <param name="UploadContentLength">The <c>X-Upload-Content-Length</c> header (initiation).</param>
/// <param name="BodyLength">Request body bytes the server read (less than sent when a fault cut it short).</param>
/// <param name="BodySha256">Lower-case hex SHA-256 of those bytes.</param>
/// <param name="Status">The status the server answered with; 0 when the connection was dropped.</param>
public sealed record RecordedRequest(
    RequestKind Kind,
    string Method,
    string PathAndQuery,
    string? Range,
    string? IfRange,
    string? ContentRange,
    string? ContentType,
    string? Authorization,
    string? UserAgent,
    string? UploadContentType,
    string? UploadContentLength,
    long BodyLength,
    string BodySha256,
    int Status)
{
    /// <summary>The request's <c>X-Goog-Hash</c> header (the checksums a client sent with a completing upload request).</summary>
    public string? GoogHash { get; init; }
}
