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

    public static async ValueTask<long> CopyAsync(MediaUpload media, Stream destination, Action<long>? written, bool async, CancellationToken cancellationToken)
    {
        int size = Math.Max(1, Math.Min(media.ChunkSize, MaxBuffer));
        if (media.Length is long length)
        {
            size = (int)Math.Max(1, Math.Min(size, length));
        }

        byte[] buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            long position = 0;
            while (media.Length is not long total || position < total)
            {
                int want = media.Length is long t ? (int)Math.Min(size, t - position) : size;
                int n = async
                    ? await media.ReadAsync(position, buffer.AsMemory(0, want), cancellationToken).ConfigureAwait(false)
                    : media.Read(position, buffer.AsSpan(0, want));
                if (n == 0)
                {
                    if (media.Length is long declared)
                    {
                        throw new UploadException(
                            string.Create(CultureInfo.InvariantCulture, $"The media ended after {position} bytes although its length is {declared}."), UploadState.Failed);
                    }

                    break;
                }

                if (async)
                {
                    await destination.WriteAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
                }
                else
                {
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
