using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Farm.Server;

/// <summary>The hashes Cloud Storage keeps for an object: SHA-256 (this server's ETag), CRC32C and MD5 (base64, as on the wire).</summary>
internal sealed record PictureDigest(string Sha256, string Crc32C, string Md5)
{
    public static PictureDigest Of(ReadOnlySpan<byte> bytes)
    {
        using var hasher = new Hasher();
        hasher.Append(bytes);
        return hasher.Finish();
    }

    /// <summary>
    /// All three in one pass. CRC32C goes straight to the processor instruction rather than through the runtime's
    /// implementation, so the server checks the client instead of agreeing with it by construction.
    /// </summary>
    internal sealed class Hasher : IDisposable
    {
        private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly IncrementalHash md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        private uint crc = uint.MaxValue;

        public void Append(ReadOnlySpan<byte> bytes)
        {
            sha256.AppendData(bytes);
            md5.AppendData(bytes);
            foreach (byte b in bytes)
            {
                crc = System.Numerics.BitOperations.Crc32C(crc, b);
            }
        }

        public PictureDigest Finish()
        {
            byte[] crcBytes = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(crcBytes, ~crc);
            return new PictureDigest(Convert.ToHexStringLower(sha256.GetHashAndReset()), Convert.ToBase64String(crcBytes), Convert.ToBase64String(md5.GetHashAndReset()));
        }

        public void Dispose()
        {
            sha256.Dispose();
            md5.Dispose();
        }
    }
}
