using System;
using System.Buffers;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace Farm.Server;

/// <summary>Streams picture bytes to and from disk without holding them in memory.</summary>
internal static class PictureFiles
{
    private const int BufferSize = 1024 * 1024;

    /// <summary>
    /// Copies <paramref name="source"/> into a new file while hashing it. The file is deleted again
    /// when the body exceeds <paramref name="maxSize"/> or the copy fails, so a rejected upload
    /// leaves nothing behind.
    /// </summary>
    public static async Task<(long Size, PictureDigest Digest)> SaveAsync(Stream source, string path, long maxSize, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        bool completed = false;
        try
        {
            using var hash = new PictureDigest.Hasher();
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, 1, FileOptions.Asynchronous);
            long size = 0;
            int read;
            while ((read = await source.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                size += read;
                if (size > maxSize)
                {
                    throw FarmApiException.TooLarge(maxSize);
                }

                hash.Append(buffer.AsSpan(0, read));
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            completed = true;
            return (size, hash.Finish());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            if (!completed)
            {
                File.Delete(path);
            }
        }
    }

    public static async Task<PictureDigest> HashAsync(string path, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            using var hash = new PictureDigest.Hasher();
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            int read;
            while ((read = await file.ReadAsync(buffer.AsMemory(0, BufferSize), cancellationToken)) > 0)
            {
                hash.Append(buffer.AsSpan(0, read));
            }

            return hash.Finish();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Changes one stored byte in place: the fault of a server that stores something else than it was sent.</summary>
    public static async Task<PictureDigest> CorruptAsync(string path, CancellationToken cancellationToken)
    {
        await using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite))
        {
            if (file.Length > 0)
            {
                file.Position = file.Length / 2;
                int b = file.ReadByte();
                file.Position = file.Length / 2;
                file.WriteByte((byte)(b ^ 0x01));
            }
        }

        return await HashAsync(path, cancellationToken);
    }
}
