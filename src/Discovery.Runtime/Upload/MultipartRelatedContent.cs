using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// The body of <c>uploadType=multipart</c>: <c>multipart/related</c> with the JSON metadata part, then the media
/// part, CRLF line breaks. The media part is streamed from the source, never buffered whole.
/// </summary>
internal sealed class MultipartRelatedContent : HttpContent
{
    private readonly MediaUpload _media;
    private readonly Action<long>? _written;
    private readonly byte[] _head;
    private readonly byte[] _tail;
    private readonly MediaHasher? _hasher;

    public MultipartRelatedContent(byte[] metadataJson, MediaUpload media, Action<long>? written, MediaHasher? hasher)
    {
        _hasher = hasher;
        _media = media;
        _written = written;
        string boundary = "discovery_" + Guid.NewGuid().ToString("N");
        var head = new MemoryStream();
        head.Write(Encoding.ASCII.GetBytes($"--{boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n"));
        head.Write(metadataJson);
        head.Write(Encoding.ASCII.GetBytes($"\r\n--{boundary}\r\nContent-Type: {media.MimeType}\r\n\r\n"));
        _head = head.ToArray();
        _tail = Encoding.ASCII.GetBytes($"\r\n--{boundary}--\r\n");
        Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/related; boundary=" + boundary);
        Boundary = boundary;
    }

    public string Boundary { get; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        => SerializeToStreamAsync(stream, context, CancellationToken.None);

#if NETSTANDARD2_0
    // netstandard2.0's HttpContent has no cancellable overload to override; the two-argument one forwards here.
    private async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
#else
    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
#endif
    {
        await stream.WriteAsync(_head, cancellationToken).ConfigureAwait(false);
        await MediaCopy.CopyAsync(_media, stream, _written, _hasher, async: true, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(_tail, cancellationToken).ConfigureAwait(false);
    }

#if !NETSTANDARD2_0
    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        stream.Write(_head);
        SyncPath.Result(MediaCopy.CopyAsync(_media, stream, _written, _hasher, async: false, cancellationToken));
        stream.Write(_tail);
    }
#endif

    protected override bool TryComputeLength(out long length)
    {
        length = _media.Length is long media ? _head.Length + media + _tail.Length : 0;
        return _media.Length is not null;
    }
}
