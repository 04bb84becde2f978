using System;
using System.IO;
using System.Security.Cryptography;

namespace Discovery.Runtime.Tests.Infrastructure;

public static class TestData
{
    public const int Chunk = 256 * 1024;

    public static byte[] Bytes(int length, int seed)
    {
        var data = new byte[length];
        new Random(seed).NextBytes(data);
        return data;
    }

    public static string Sha(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));
}

/// <summary>A file deleted at dispose.</summary>
public sealed class TempFile : IDisposable
{
    public TempFile(byte[] content, string extension = ".bin")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "discovery-" + Guid.NewGuid().ToString("N") + extension);
        File.WriteAllBytes(Path, content);
    }

    public string Path { get; }

    public void Dispose() => File.Delete(Path);
}

/// <summary>A forward-only stream of unknown length, like a pipe.</summary>
public sealed class NonSeekableStream : Stream
{
    private readonly Stream _inner;

    public NonSeekableStream(byte[] data) => _inner = new MemoryStream(data, writable: false);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 100_000));

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
