using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Farm.Server;

/// <summary>
/// A response body that misbehaves on the way out as a scripted download fault says: one byte changed (a bit
/// flipped by a proxy or a bad buffer), or the connection dropped after a set number of bytes.
/// </summary>
internal sealed class FaultyResponseStream : Stream
{
    // Aborting drops output that has not reached the socket yet (a flush only hands it to Kestrel's pipe); the
    // pause lets the bytes before the cut go out, so the cut falls where the fault says even on a busy machine.
    private static readonly TimeSpan ReadGrace = TimeSpan.FromMilliseconds(500);

    private readonly Stream inner;
    private readonly HttpContext context;
    private readonly long? abortAfter;
    private bool corruptNext;
    private long written;

    public FaultyResponseStream(HttpContext context, ScriptedFault fault)
    {
        this.context = context;
        inner = context.Response.Body;
        abortAfter = fault.AbortAfterBytes;
        corruptNext = fault.CorruptInTransit;
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int pass = abortAfter is long limit ? (int)Math.Clamp(limit - written, 0, buffer.Length) : buffer.Length;
        if (pass > 0)
        {
            ReadOnlyMemory<byte> bytes = buffer[..pass];
            if (corruptNext)
            {
                corruptNext = false;
                byte[] copy = bytes.ToArray();
                copy[0] ^= 0x01;
                bytes = copy;
            }

            await inner.WriteAsync(bytes, cancellationToken);
            written += pass;
        }

        if (pass < buffer.Length)
        {
            await inner.FlushAsync(cancellationToken);
            await Task.Delay(ReadGrace, cancellationToken);
            context.Abort();
            throw new IOException("Injected fault: the connection is dropped mid-body.");
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
