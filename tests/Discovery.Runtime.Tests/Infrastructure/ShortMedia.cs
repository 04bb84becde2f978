using System;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime.Tests.Infrastructure;

/// <summary>Claims more bytes than it has, as a file truncated during the upload would.</summary>
public sealed class ShortMedia(long declared, int actual, bool resumable = false) : MediaUpload("application/octet-stream", DefaultChunkSize, resumable)
{
    public override long? Length => declared;

    public override bool CanReadAt => true;

    public override ValueTask<int> ReadAsync(long position, Memory<byte> buffer, CancellationToken cancellationToken)
        => new(Read(position, buffer.Span));

    public override int Read(long position, Span<byte> buffer)
    {
        int n = (int)Math.Max(0, Math.Min(buffer.Length, actual - position));
        buffer[..n].Clear();
        return n;
    }
}
