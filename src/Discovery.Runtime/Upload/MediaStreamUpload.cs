using System;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// Media from a stream the caller owns (it is never disposed here). A seekable stream is read from its current
/// position and its length is known; a non-seekable one is read forward only and its length is found at the end.
/// </summary>
public class MediaStreamUpload : MediaUpload
{
    private readonly System.IO.Stream _stream;
    private readonly long _origin;
    private long _position;

    /// <summary>Creates the upload.</summary>
    public MediaStreamUpload(System.IO.Stream stream, string mimeType, int chunkSize = DefaultChunkSize, bool resumable = false)
        : base(mimeType, chunkSize, resumable)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead)
        {
            throw new ArgumentException("The stream must be readable.", nameof(stream));
        }

        _stream = stream;
        if (stream.CanSeek)
        {
            _origin = stream.Position;
            Length = stream.Length - _origin;
        }

        ValidateChunkSize();
    }

    /// <inheritdoc/>
    public override long? Length { get; }

    /// <inheritdoc/>
    public override bool CanReadAt => _stream.CanSeek;

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(long position, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (_stream.CanSeek)
        {
            _stream.Position = _origin + position;
        }
        else
        {
            while (_position < position)
            {
                var skip = buffer[..(int)Math.Min(buffer.Length, position - _position)];
                int skipped = await _stream.ReadAsync(skip, cancellationToken).ConfigureAwait(false);
                if (skipped == 0)
                {
                    return 0;
                }

                _position += skipped;
            }

            EnsureForward(position);
        }

        int n = await _stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        _position = position + n;
        return n;
    }

    /// <inheritdoc/>
    public override int Read(long position, Span<byte> buffer)
    {
        if (_stream.CanSeek)
        {
            _stream.Position = _origin + position;
        }
        else
        {
            while (_position < position)
            {
                int skipped = _stream.Read(buffer[..(int)Math.Min(buffer.Length, position - _position)]);
                if (skipped == 0)
                {
                    return 0;
                }

                _position += skipped;
            }

            EnsureForward(position);
        }

        int n = _stream.Read(buffer);
        _position = position + n;
        return n;
    }

    private void EnsureForward(long position)
    {
        if (position < _position)
        {
            throw new InvalidOperationException("A non-seekable stream cannot be read again from an earlier position.");
        }
    }
}
