using System;
using System.Buffers;

namespace Discovery.Runtime;

/// <summary>
/// A response body in a buffer rented from <see cref="ArrayPool{T}.Shared"/>; disposing returns the buffer.
/// Parsing never lets a value keep a reference into it: Utf8JsonReader hands out spans only, so every string,
/// byte array and JsonElement a generated reader builds is a copy.
/// </summary>
internal readonly struct PooledBody : IDisposable
{
    private readonly byte[]? _buffer;
    private readonly int _length;

    public PooledBody(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => _buffer is null ? ReadOnlySpan<byte>.Empty : _buffer.AsSpan(0, _length);

    public void Dispose()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
        }
    }
}
