using System;
using System.Security.Cryptography;

namespace Discovery.Runtime.Auth;

/// <summary>
/// Just enough DER to read an RSA PKCS#8 PrivateKeyInfo (RFC 5208) into <see cref="RSAParameters"/>: a SEQUENCE of
/// version, the rsaEncryption algorithm and an OCTET STRING holding the RFC 8017 RSAPrivateKey. Used where the
/// platform cannot import PKCS#8 itself (netstandard2.0), and tested on every platform against the platform's import.
/// </summary>
internal static class Pkcs8Der
{
    private const byte Integer = 0x02;
    private const byte OctetString = 0x04;
    private const byte Sequence = 0x30;

    public static RSAParameters ReadRsaParameters(byte[] der)
    {
        var info = new Reader(der).Enter(Sequence);
        info.Read(Integer);
        info.Read(Sequence);
        var key = new Reader(info.Read(OctetString)).Enter(Sequence);
        key.Read(Integer);
        byte[] modulus = Unsigned(key.Read(Integer));
        byte[] exponent = Unsigned(key.Read(Integer));
        int half = (modulus.Length + 1) / 2;
        return new RSAParameters
        {
            Modulus = modulus,
            Exponent = exponent,
            D = Unsigned(key.Read(Integer), modulus.Length),
            P = Unsigned(key.Read(Integer), half),
            Q = Unsigned(key.Read(Integer), half),
            DP = Unsigned(key.Read(Integer), half),
            DQ = Unsigned(key.Read(Integer), half),
            InverseQ = Unsigned(key.Read(Integer), half),
        };
    }

    /// <summary>A DER INTEGER's magnitude without its sign byte, left-padded to <paramref name="size"/> when given.</summary>
    private static byte[] Unsigned(ReadOnlySpan<byte> integer, int size = 0)
    {
        while (integer.Length > 1 && integer[0] == 0)
        {
            integer = integer[1..];
        }

        if (size < integer.Length)
        {
            size = integer.Length;
        }

        byte[] result = new byte[size];
        integer.CopyTo(result.AsSpan(size - integer.Length));
        return result;
    }

    private ref struct Reader
    {
        private ReadOnlySpan<byte> _rest;

        public Reader(ReadOnlySpan<byte> der) => _rest = der;

        public Reader Enter(byte tag) => new(Read(tag));

        public ReadOnlySpan<byte> Read(byte tag)
        {
            if (_rest.Length < 2 || _rest[0] != tag)
            {
                throw new FormatException("Unexpected DER structure.");
            }

            int length = _rest[1];
            int header = 2;
            if (length >= 0x80)
            {
                int octets = length & 0x7F;
                if (octets is 0 or > 4 || _rest.Length < 2 + octets)
                {
                    throw new FormatException("Unsupported DER length.");
                }

                length = 0;
                for (int i = 0; i < octets; i++)
                {
                    length = (length << 8) | _rest[2 + i];
                }

                header += octets;
            }

            if (length < 0 || _rest.Length - header < length)
            {
                throw new FormatException("Truncated DER.");
            }

            var content = _rest.Slice(header, length);
            _rest = _rest[(header + length)..];
            return content;
        }
    }
}
