using System;

namespace Discovery.Runtime;

/// <summary>The state of a media download.</summary>
public enum DownloadStatus
{
    /// <summary>Bytes are arriving.</summary>
    Downloading,

    /// <summary>Every byte was written to the destination.</summary>
    Completed,

    /// <summary>Stopped by an error.</summary>
    Failed,
}

/// <summary>A progress report of a media download.</summary>
/// <param name="Status">Where the download is.</param>
/// <param name="BytesReceived">Bytes written to the destination so far.</param>
/// <param name="TotalBytes">The media size once the server told it.</param>
/// <param name="Exception">The error behind a Failed status.</param>
public readonly record struct DownloadProgress(DownloadStatus Status, long BytesReceived, long? TotalBytes, Exception? Exception = null)
{
    /// <summary>Where the download's checksum stands; <see cref="ChecksumDetail"/> says what was compared, or why nothing was.</summary>
    public ChecksumStatus Checksum { get; init; }

    /// <summary>A sentence on <see cref="Checksum"/> (the values compared, or the reason the download cannot be verified).</summary>
    public string? ChecksumDetail { get; init; }

    /// <summary>0..1 when the total is known, else null; 1 once completed.</summary>
    public double? Progress => Status == DownloadStatus.Completed
        ? 1.0
        : TotalBytes is long total && total > 0 ? (double)BytesReceived / total : null;
}
