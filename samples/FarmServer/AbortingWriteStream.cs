using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Farm.Server;

/// <summary>A response body that lets a set number of bytes through, then drops the connection (a download cut mid-body).</summary>
internal sealed class AbortingWriteStream : Stream
{
    private static readonly TimeSpan ReadGrace = TimeSpan.FromMilliseconds(200);

    private readonly Stream inner;
    private readonly HttpContext context;
    private long remaining;

    public AbortingWriteStream(Stream inner, long allowed, HttpContext context)
    {
        this.inner = inner;
        this.context = context;
        remaining = allowed;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int pass = (int)Math.Min(remaining, buffer.Length);
        if (pass > 0)
        {
            await inner.WriteAsync(buffer[..pass], cancellationToken);
            remaining -= pass;
        }

        if (pass < buffer.Length)
        {
            await inner.FlushAsync(cancellationToken);

            // The abort resets the connection, and a reset may discard bytes the client has not read yet; a short
            // pause lets the client take what was sent, so the cut falls where the fault says.
            await Task.Delay(ReadGrace, cancellationToken);
            context.Abort();
            throw new IOException("Scripted fault: the connection is dropped mid-body.");
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("Kestrel writes response bodies asynchronously.");

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override void Flush() => inner.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
