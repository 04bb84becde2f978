using System;
using System.Buffers;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// The single pooled chunk buffer, for media that cannot be streamed by range (forward-only or of unknown length):
/// what is held, what must be re-read, and the look-ahead byte for unknown lengths.
/// </summary>
internal sealed partial class ResumableUploadEngine
{
    private bool CanProduce(long position) => media.CanReadAt || position >= _bufStart;

    /// <summary>
    /// Puts the bytes [offset, offset + chunk) at the start of the buffer, keeping what is already held (only the
    /// unconfirmed suffix is moved) and reading the rest. When the total is unknown one extra byte is read so
    /// the last data-bearing chunk can carry the total.
    /// </summary>
    private async ValueTask FillChunkAsync(bool async, CancellationToken cancellationToken)
    {
        int chunk = media.ChunkSizeFor(_total);

        int capacity = _total is long known ? (int)Math.Min(chunk, known) : chunk + 1;
        if (_buffer is null && capacity > 0)
        {
            _buffer = ArrayPool<byte>.Shared.Rent(capacity);
        }

        long held = _bufStart + _bufCount;
        if (_offset >= _bufStart && _offset <= held)
        {
            int drop = (int)(_offset - _bufStart);
            if (drop > 0)
            {
                Buffer.BlockCopy(_buffer!, drop, _buffer!, 0, _bufCount - drop);
                _bufCount -= drop;
                _bufStart = _offset;
            }
        }
        else if (_offset > held || media.CanReadAt)
        {
            _bufStart = _offset;
            _bufCount = 0;
        }
        else
        {
            throw new UploadException(
                string.Create(CultureInfo.InvariantCulture, $"The server needs bytes from offset {_offset} again but the source cannot re-read them."), UploadState.Failed);
        }

        long remaining = _total is long total ? total - _offset : long.MaxValue;
        int want = (int)Math.Min(_total is null ? chunk + 1L : chunk, remaining);
        while (_bufCount < want)
        {
            long position = _bufStart + _bufCount;
            int n = async
                ? await media.ReadAsync(position, _buffer.AsMemory(_bufCount, want - _bufCount), cancellationToken).ConfigureAwait(false)
                : media.Read(position, _buffer.AsSpan(_bufCount, want - _bufCount));
            if (n == 0)
            {
                if (_total is long declared)
                {
                    throw new UploadException(
                        string.Create(CultureInfo.InvariantCulture, $"The media ended after {position} bytes although its length is {declared}: the source changed during the upload."), UploadState.Failed);
                }

                _total = position;
                break;
            }

            // Bytes are hashed as they enter the buffer: a forward-only source yields each byte once.
            _checksum.Hasher.Append(position, _buffer.AsSpan(_bufCount, n));
            _bufCount += n;
        }

        if (_total is long end)
        {
            _chunkLength = (int)Math.Min(Math.Min(_bufCount, chunk), end - _offset);
            _chunkFinal = _offset + _chunkLength == end;
        }
        else
        {
            _chunkLength = chunk;
            _chunkFinal = false;
        }

        limits.CheckSize(_offset + _chunkLength, _total);
    }

    private void ReturnBuffer()
    {
        if (_buffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
            _bufStart = 0;
            _bufCount = 0;
        }
    }
}
