namespace Farm.Server;

/// <summary>A batch request's body exactly as it arrived, so a test can check the client's framing byte by byte.</summary>
/// <param name="ContentType">The outer <c>Content-Type</c> (with its boundary).</param>
/// <param name="Body">Every byte of the <c>multipart/mixed</c> body.</param>
public sealed record RecordedBatch(string? ContentType, byte[] Body);
