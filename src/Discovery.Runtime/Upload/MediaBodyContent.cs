using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// Media bytes streamed from the source into a request body: the whole media (<c>uploadType=media</c>), or
/// one range of it (a resumable chunk of seekable media, read while the socket sends).
/// </summary>
internal sealed class MediaBodyContent : HttpContent
{
    // Small pieces let the kernel send one piece while the next is read, as a plain file PUT does.
    private const int RangePiece = 64 * 1024;

    private readonly MediaUpload _media;
    private readonly Action<long>? _written;
    private readonly long _start;
    private readonly long? _length;
    private readonly int _pieceSize;
    private readonly MediaHasher? _hasher;

    public MediaBodyContent(MediaUpload media, Action<long>? written, MediaHasher? hasher)
    {
        _media = media;
        _hasher = hasher;
        _written = written;
        _length = media.Length;
        _pieceSize = Math.Min(media.ChunkSize, 1024 * 1024);
        Headers.ContentType = MediaTypeHeaderValue.Parse(media.MimeType);
    }

    /// <summary>The bytes [start, start + length) of seekable media, with no content type (a resumable chunk).</summary>
    public MediaBodyContent(MediaUpload media, long start, int length, MediaHasher? hasher)
    {
        _media = media;
        _hasher = hasher;
        _start = start;
        _length = length;
        _pieceSize = RangePiece;
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

#if NETSTANDARD2_0
    // netstandard2.0's HttpContent has no cancellable overload to override; the two-argument one forwards here.
    private Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
#else
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
#endif
        => MediaCopy.CopyAsync(_media, stream, _start, _length, _pieceSize, _written, _hasher, async: true, cancellationToken).AsTask();

#if !NETSTANDARD2_0
    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => SyncPath.Result(MediaCopy.CopyAsync(_media, stream, _start, _length, _pieceSize, _written, _hasher, async: false, cancellationToken));
#endif

    protected override bool TryComputeLength(out long length)
    {
        length = _length ?? 0;
        return _length is not null;
    }
}
