#if NETSTANDARD2_0
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace System.Net.Http;

/// <summary>A chunk body without copying it to a new array; the type only exists in System.Net.Http from .NET Core 2.1.</summary>
internal sealed class ReadOnlyMemoryContent : HttpContent
{
    private readonly ReadOnlyMemory<byte> _content;

    public ReadOnlyMemoryContent(ReadOnlyMemory<byte> content) => _content = content;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        if (MemoryMarshal.TryGetArray(_content, out ArraySegment<byte> segment))
        {
            return stream.WriteAsync(segment.Array!, segment.Offset, segment.Count);
        }

        byte[] copy = _content.ToArray();
        return stream.WriteAsync(copy, 0, copy.Length);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _content.Length;
        return true;
    }
}
#endif
