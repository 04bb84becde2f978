using System;

namespace Discovery.Runtime;

/// <summary>A progress report of an upload.</summary>
/// <param name="Status">Coarse status.</param>
/// <param name="State">The engine state when reported.</param>
/// <param name="BytesSent">Bytes the server has confirmed (for single-request uploads: bytes written so far).</param>
/// <param name="TotalBytes">The media size when known.</param>
/// <param name="Exception">The error behind a Failed status.</param>
public readonly record struct UploadProgress(UploadStatus Status, UploadState State, long BytesSent, long? TotalBytes, Exception? Exception = null)
{
    /// <summary>Where the upload's checksum stands; <see cref="ChecksumDetail"/> says what was sent and compared, or why nothing was.</summary>
    public ChecksumStatus Checksum { get; init; }

    /// <summary>A sentence on <see cref="Checksum"/> (the values compared, or the reason the upload cannot be verified).</summary>
    public string? ChecksumDetail { get; init; }

    /// <summary>
    /// Bytes read from the source only to compute the checksum: the confirmed prefix of a resumed upload, and the
    /// final chunk of seekable media, whose checksum must be in the headers before its bytes are sent.
    /// </summary>
    public long ChecksumReadBytes { get; init; }

    /// <summary>0..1; 1 once completed, including empty media; 0 while the total is unknown.</summary>
    public double Progress => Status == UploadStatus.Completed
        ? 1.0
        : TotalBytes is long total && total > 0 ? Math.Clamp((double)BytesSent / total, 0.0, 1.0) : 0.0;
}
