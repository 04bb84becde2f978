using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace FarmClient;

/// <summary>The files the sample uploads when the user gives none: a small picture and a large generated file.</summary>
internal static class SampleFiles
{
    public static string CreatePicture(string folder)
    {
        // A real 1x1 PNG followed by padding, so the server stores a believable image/png.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==");
        var path = Path.Combine(folder, "pig.png");
        File.WriteAllBytes(path, png);
        return path;
    }

    public static async Task<string> CreateLargeFileAsync(string folder, long size, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, "large-upload.bin");
        var buffer = new byte[1024 * 1024];
        var random = new Random(1234);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1, useAsync: true);
        for (long written = 0; written < size; written += buffer.Length)
        {
            random.NextBytes(buffer);
            await file.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, size - written)), cancellationToken);
        }

        return path;
    }

    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
