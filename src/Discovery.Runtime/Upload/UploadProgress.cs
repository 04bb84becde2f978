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
    /// <summary>0..1; 1 once completed, including empty media; 0 while the total is unknown.</summary>
    public double Progress => Status == UploadStatus.Completed
        ? 1.0
        : TotalBytes is long total && total > 0 ? Math.Clamp((double)BytesSent / total, 0.0, 1.0) : 0.0;
}
