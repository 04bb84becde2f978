namespace Farm.Server;

/// <summary>Constants of Google's resumable upload protocol.</summary>
internal static class ResumableProtocol
{
    /// <summary>Non-final chunks must be a multiple of 256 KiB.</summary>
    public const long ChunkGranularity = 256 * 1024;

    /// <summary>Google's non-standard "Resume Incomplete" reuse of 308.</summary>
    public const int ResumeIncomplete = 308;

    /// <summary>The status a cancelled (DELETEd) session answers with, as on Cloud Storage.</summary>
    public const int Cancelled = 499;
}
