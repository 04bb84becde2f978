using System;
using System.Globalization;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>Media held in a byte array (not copied).</summary>
public class MediaInMemoryUpload : MediaUpload
{
    private readonly byte[] _data;
    private string? _identity;

    /// <summary>Creates the upload.</summary>
    public MediaInMemoryUpload(byte[] data, string mimeType = "application/octet-stream", int chunkSize = DefaultChunkSize, bool resumable = false)
        : base(mimeType, chunkSize, resumable)
    {
        ArgumentNullException.ThrowIfNull(data);
        _data = data;
        ValidateChunkSize();
    }

    /// <inheritdoc/>
    public override long? Length => _data.Length;

    /// <inheritdoc/>
    public override bool CanReadAt => true;

    /// <inheritdoc/>
    public override string? SourceIdentity => _identity ??=
        string.Create(CultureInfo.InvariantCulture, $"memory:{_data.Length}|{Convert.ToHexString(SHA256.HashData(_data))}");

    /// <inheritdoc/>
    public override ValueTask<int> ReadAsync(long position, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<int>(Read(position, buffer.Span));
    }

    /// <inheritdoc/>
    public override int Read(long position, Span<byte> buffer)
    {
        if (position >= _data.Length)
        {
            return 0;
        }

        int n = (int)Math.Min(buffer.Length, _data.Length - position);
        _data.AsSpan((int)position, n).CopyTo(buffer);
        return n;
    }
}
