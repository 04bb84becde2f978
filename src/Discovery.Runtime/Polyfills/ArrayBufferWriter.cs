#if NETSTANDARD2_0
namespace System.Buffers;

/// <summary>
/// The growable <see cref="IBufferWriter{T}"/> that Utf8JsonWriter targets; public only from .NET Core 3.0, and the
/// copy inside the System.Text.Json package is internal.
/// </summary>
internal sealed class ArrayBufferWriter<T> : IBufferWriter<T>
{
    private T[] _buffer;
    private int _written;

    public ArrayBufferWriter(int initialCapacity = 256) => _buffer = new T[Math.Max(initialCapacity, 1)];

    public ReadOnlySpan<T> WrittenSpan => _buffer.AsSpan(0, _written);

    public ReadOnlyMemory<T> WrittenMemory => _buffer.AsMemory(0, _written);

    public int WrittenCount => _written;

    public void Advance(int count)
    {
        if (count < 0 || _written + count > _buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _written += count;
    }

    public Memory<T> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<T> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Reserve(int sizeHint)
    {
        int needed = Math.Max(sizeHint, 1);
        if (_buffer.Length - _written >= needed)
        {
            return;
        }

        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _written + needed));
    }
}
#endif
