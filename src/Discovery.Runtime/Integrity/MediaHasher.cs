using System;
using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Discovery.Runtime.Integrity;

namespace Discovery.Runtime;

/// <summary>
/// The running checksums of one media, fed by position as bytes pass through (read into a chunk buffer, written
/// into a request body or to a download's destination). Bytes at or before what is already hashed are skipped,
/// so a re-sent range is hashed once; bytes after a gap make the checksum unavailable rather than wrong.
/// </summary>
internal sealed class MediaHasher : IDisposable
{
    private readonly object _gate = new();
    private readonly IncrementalHash? _md5;
    private Crc32C _crc;
    private string? _md5Value;

    public MediaHasher(MediaChecksum kinds)
    {
        Kinds = kinds;
        if ((kinds & MediaChecksum.Md5) != 0)
        {
#pragma warning disable CA5351 // MD5 is what the server stores and compares; it is an integrity check here, not security.
            _md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        }
    }

    public MediaChecksum Kinds { get; }

    /// <summary>Bytes [0, Position) are hashed.</summary>
    public long Position { get; private set; }

    /// <summary>Bytes after <see cref="Position"/> went by before the ones before them: the checksum cannot cover the media.</summary>
    public bool HasGap { get; private set; }

    public bool Enabled => Kinds != MediaChecksum.None;

    /// <summary>Whether the checksum covers exactly the first <paramref name="total"/> bytes.</summary>
    public bool Covers(long total) => Enabled && !HasGap && Position == total;

    /// <summary>Adds the bytes at <paramref name="position"/> that are not hashed yet.</summary>
    public void Append(long position, ReadOnlySpan<byte> data)
    {
        if (!Enabled || data.IsEmpty)
        {
            return;
        }

        // A body whose send was abandoned may still be finishing on the transport while the next attempt starts.
        lock (_gate)
        {
            long end = position + data.Length;
            if (HasGap || end <= Position || _md5Value is not null)
            {
                return;
            }

            if (position > Position)
            {
                HasGap = true;
                return;
            }

            var fresh = data.Slice((int)(Position - position));
            if ((Kinds & MediaChecksum.Crc32C) != 0)
            {
                _crc.Append(fresh);
            }

            if (_md5 is not null)
            {
                AppendMd5(_md5, fresh);
            }

            Position = end;
        }
    }

    /// <summary>The CRC32C as base64 of the big-endian value, or null when it is not computed.</summary>
    public string? Crc32CBase64 => (Kinds & MediaChecksum.Crc32C) != 0 ? _crc.ToBase64() : null;

    /// <summary>The MD5 as base64; computing it ends the hash, so it is read only once the media is complete.</summary>
    public string? Md5Base64
    {
        get
        {
            if (_md5 is null)
            {
                return null;
            }

            lock (_gate)
            {
                return _md5Value ??= Convert.ToBase64String(_md5.GetHashAndReset());
            }
        }
    }

    /// <summary>The <c>X-Goog-Hash</c> value for media of <paramref name="total"/> bytes, or null when the checksum does not cover it.</summary>
    public string? HeaderFor(long total)
    {
        if (!Covers(total))
        {
            return null;
        }

        var text = new StringBuilder();
        if (Crc32CBase64 is { } crc)
        {
            text.Append("crc32c=").Append(crc);
        }

        if (Md5Base64 is { } md5)
        {
            text.Append(text.Length > 0 ? "," : string.Empty).Append("md5=").Append(md5);
        }

        return text.ToString();
    }

    public void Dispose() => _md5?.Dispose();

    private static void AppendMd5(IncrementalHash md5, ReadOnlySpan<byte> data)
    {
#if NETSTANDARD2_0
        byte[] copy = ArrayPool<byte>.Shared.Rent(Math.Min(data.Length, 81920));
        try
        {
            while (!data.IsEmpty)
            {
                int n = Math.Min(copy.Length, data.Length);
                data.Slice(0, n).CopyTo(copy);
                md5.AppendData(copy, 0, n);
                data = data.Slice(n);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(copy);
        }
#else
        md5.AppendData(data);
#endif
    }
}
