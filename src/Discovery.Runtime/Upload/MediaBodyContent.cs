using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>The body of <c>uploadType=media</c>: the media bytes, streamed.</summary>
internal sealed class MediaBodyContent : HttpContent
{
    private readonly MediaUpload _media;
    private readonly Action<long>? _written;

    public MediaBodyContent(MediaUpload media, Action<long>? written)
    {
        _media = media;
        _written = written;
        Headers.ContentType = MediaTypeHeaderValue.Parse(media.MimeType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

#if NETSTANDARD2_0
    // netstandard2.0's HttpContent has no cancellable overload to override; the two-argument one forwards here.
    private Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
#else
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
#endif
        => MediaCopy.CopyAsync(_media, stream, _written, async: true, cancellationToken).AsTask();

#if !NETSTANDARD2_0
    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        => SyncPath.Result(MediaCopy.CopyAsync(_media, stream, _written, async: false, cancellationToken));
#endif

    protected override bool TryComputeLength(out long length)
    {
        length = _media.Length ?? 0;
        return _media.Length is not null;
    }
}
