using System;
using System.Buffers;
using System.IO;
using System.Security.Cryptography;
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
    public static async Task<(long Size, string Sha256)> SaveAsync(Stream source, string path, long maxSize, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        bool completed = false;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
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

                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }

            completed = true;
            return (size, Convert.ToHexStringLower(hash.GetHashAndReset()));
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

    public static async Task<string> HashAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }
}
