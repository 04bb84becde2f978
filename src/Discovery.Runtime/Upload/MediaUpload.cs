using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// Media to upload. Subclass it for media that is not a file: give the size if known, and read bytes by position.
/// Positions only move forward unless <see cref="CanReadAt"/> is true; the engine keeps the unconfirmed bytes of
/// the current chunk itself, so a forward-only source is enough for resumable uploads.
/// </summary>
public abstract class MediaUpload
{
    /// <summary>Google's chunk granularity: every non-final resumable chunk is a multiple of it.</summary>
    public const int ChunkGranularity = 256 * 1024;

    /// <summary>
    /// 8 MiB. Measured with tests/Discovery.Runtime.Benchmarks (loopback Kestrel, 256 MiB and 1 GiB files): 8 MiB
    /// chunks reach 97-99% of a raw HttpClient PUT of the same file, 256 KiB chunks only 86-88% because every
    /// chunk costs a round trip. 8 MiB keeps the one pooled buffer small, bounds what a fault re-sends, and is
    /// the minimum Google recommends for throughput.
    /// </summary>
    public const int DefaultChunkSize = 8 * 1024 * 1024;

    /// <summary>Validates and stores the common settings.</summary>
    protected MediaUpload(string mimeType, int chunkSize, bool resumable)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        if (chunkSize <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "The chunk size must be positive.");
        }

        MimeType = mimeType;
        ChunkSize = chunkSize;
        Resumable = resumable;
    }

    /// <summary>The media type sent with the bytes.</summary>
    public string MimeType { get; }

    /// <summary>Bytes per resumable chunk.</summary>
    public int ChunkSize { get; }

    /// <summary>Whether to use the resumable protocol.</summary>
    public bool Resumable { get; }

    /// <summary>The size in bytes, or null when it is only known at the end (e.g. a pipe).</summary>
    public abstract long? Length { get; }

    /// <summary>Whether any position can be read again (files, memory, seekable streams). Needed to restart an expired session.</summary>
    public abstract bool CanReadAt { get; }

    /// <summary>
    /// Identifies the bytes (e.g. path + size + last write time), stored in <see cref="UploadSessionData"/> so a
    /// later resume refuses a different source. Null when the source cannot be identified.
    /// </summary>
    public virtual string? SourceIdentity => null;

    /// <summary>Reads up to buffer.Length bytes starting at <paramref name="position"/>; 0 means the end.</summary>
    public abstract ValueTask<int> ReadAsync(long position, Memory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>Synchronous twin of <see cref="ReadAsync"/> used by the synchronous Execute path.</summary>
    public abstract int Read(long position, Span<byte> buffer);

    /// <summary>Called when an upload attempt ends (success or failure) so sources can release handles; reads may follow later.</summary>
    public virtual void ReleaseSource()
    {
    }

    /// <summary>Converts a file path to a <see cref="MediaFileUpload"/>.</summary>
    public static implicit operator MediaUpload(string path) => new MediaFileUpload(path);

    /// <summary>Named alternative to the implicit conversion from a path.</summary>
    public static MediaUpload FromFile(string path) => new MediaFileUpload(path);

    /// <summary>
    /// The chunk size for <paramref name="total"/> bytes: media of at most 256 KiB may use any chunk size by Google's
    /// rule, yet servers refuse a non-final chunk that is not a multiple of 256 KiB, so such media goes in one chunk.
    /// </summary>
    internal int ChunkSizeFor(long? total) => total is long small && small <= ChunkGranularity ? Math.Max(ChunkSize, (int)small) : ChunkSize;

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless the chunk size satisfies Google's rule: media larger than
    /// 256 KiB, or of unknown length, needs a chunk size that is a multiple of 256 KiB.
    /// </summary>
    public void ValidateChunkSize()
    {
        bool needsMultiple = Length is null || Length > ChunkGranularity;
        if (needsMultiple && ChunkSize % ChunkGranularity != 0)
        {
            string what = Length is null ? "media of unknown length" : string.Create(CultureInfo.InvariantCulture, $"media of {Length} bytes");
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Chunk size {ChunkSize} is not allowed for {what}: media larger than 256 KiB (262144 bytes) or of unknown length needs a chunk size that is a multiple of 262144 bytes, e.g. {Math.Max(1, ChunkSize / ChunkGranularity) * ChunkGranularity}."),
                "chunkSize");
        }
    }
}
