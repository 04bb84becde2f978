using System;
using System.Buffers;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>Streams media into a request body through one pooled buffer (never the whole media in memory).</summary>
internal static class MediaCopy
{
    private const int MaxBuffer = 1024 * 1024;

    public static ValueTask<long> CopyAsync(MediaUpload media, Stream destination, Action<long>? written, MediaHasher? hasher, bool async, CancellationToken cancellationToken)
        => CopyAsync(media, destination, 0, media.Length, Math.Min(media.ChunkSize, MaxBuffer), written, hasher, async, cancellationToken);

    /// <summary>
    /// Copies <paramref name="length"/> bytes of the media from <paramref name="start"/> (to its end when the
    /// length is unknown) in pieces of at most <paramref name="bufferSize"/> bytes, each hashed (once) as it is
    /// read and written, so the hash never misses a byte the server may have received.
    /// </summary>
    public static async ValueTask<long> CopyAsync(MediaUpload media, Stream destination, long start, long? length, int bufferSize, Action<long>? written, MediaHasher? hasher, bool async, CancellationToken cancellationToken)
    {
        int size = Math.Max(1, bufferSize);
        if (length is long known)
        {
            size = (int)Math.Max(1, Math.Min(size, known));
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            long position = 0;
            while (length is not long total || position < total)
            {
                int want = length is long t ? (int)Math.Min(size, t - position) : size;
                int n = async
                    ? await media.ReadAsync(start + position, buffer.AsMemory(0, want), cancellationToken).ConfigureAwait(false)
                    : media.Read(start + position, buffer.AsSpan(0, want));
                if (n == 0)
                {
                    if (length is not null)
                    {
                        throw new UploadException(
                            string.Create(CultureInfo.InvariantCulture, $"The media ended after {start + position} bytes although its length is {media.Length}."), UploadState.Failed);
                    }

                    break;
                }

                if (async)
                {
                    // The write goes first and the piece is hashed while the transport sends it: the buffer is only
                    // read by both. A write that fails after the hash is fine (bytes hashed but unsent are sent again
                    // and hashed once); one that fails before it leaves a gap, which is caught up or said, never wrong.
                    // The write is awaited whatever the hash does, so the pooled buffer never goes back mid-send.
                    var write = destination.WriteAsync(buffer.AsMemory(0, n), cancellationToken);
                    try
                    {
                        hasher?.Append(start + position, buffer.AsSpan(0, n));
                    }
                    finally
                    {
                        await write.ConfigureAwait(false);
                    }
                }
                else
                {
                    hasher?.Append(start + position, buffer.AsSpan(0, n));
                    destination.Write(buffer, 0, n);
                }

                position += n;
                written?.Invoke(position);
            }

            return position;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
