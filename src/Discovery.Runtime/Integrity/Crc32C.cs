using System;
using System.Buffers.Binary;

namespace Discovery.Runtime.Integrity;

/// <summary>
/// CRC32C (Castagnoli, the checksum Cloud Storage keeps for every object), computed incrementally as media passes
/// through. On net8.0 and later it uses the processor's CRC32C instruction (SSE4.2, ARMv8) through
/// <c>BitOperations.Crc32C</c>; netstandard2.0 has no such API and uses a slicing-by-8 table instead.
/// </summary>
internal struct Crc32C
{
    private const uint ReflectedPolynomial = 0x82F63B78;

    private static readonly uint[][] Tables = BuildTables();

    // The register starts inverted and is inverted again on read, so a fresh default instance is the empty message.
    private uint _inverted;

    /// <summary>The checksum of everything appended so far.</summary>
    public readonly uint Value => _inverted;

    /// <summary>The value as <c>X-Goog-Hash</c> and the Cloud Storage object resource spell it: base64 of the big-endian bytes.</summary>
    public readonly string ToBase64()
    {
        byte[] bytes = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, Value);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>Adds <paramref name="data"/> to the message.</summary>
    public void Append(ReadOnlySpan<byte> data) => _inverted = ~Update(~_inverted, data);

    /// <summary>The raw register update, on the fastest path the platform has.</summary>
    internal static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
#if NETSTANDARD2_0
        return UpdateWithTables(crc, data);
#else
        if (BitConverter.IsLittleEndian)
        {
            crc = Crc32CLanes.Long.Update(crc, ref data);
            crc = Crc32CLanes.Short.Update(crc, ref data);
        }

        return UpdateOneLane(crc, data);
#endif
    }

#if !NETSTANDARD2_0
    /// <summary>One dependent chain of <c>crc32</c> instructions: each waits for the one before it (3 cycles per 8 bytes).</summary>
    internal static uint UpdateOneLane(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= sizeof(ulong))
        {
            crc = System.Numerics.BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[sizeof(ulong)..];
        }

        foreach (byte b in data)
        {
            crc = System.Numerics.BitOperations.Crc32C(crc, b);
        }

        return crc;
    }
#endif

    /// <summary>The table-driven update (slicing by 8): the netstandard2.0 path, and tested on every platform.</summary>
    internal static uint UpdateWithTables(uint crc, ReadOnlySpan<byte> data)
    {
        uint[] t0 = Tables[0], t1 = Tables[1], t2 = Tables[2], t3 = Tables[3], t4 = Tables[4], t5 = Tables[5], t6 = Tables[6], t7 = Tables[7];
        while (data.Length >= 8)
        {
            uint low = BinaryPrimitives.ReadUInt32LittleEndian(data) ^ crc;
            uint high = BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
            crc = t7[low & 0xFF] ^ t6[(low >> 8) & 0xFF] ^ t5[(low >> 16) & 0xFF] ^ t4[low >> 24] ^
                  t3[high & 0xFF] ^ t2[(high >> 8) & 0xFF] ^ t1[(high >> 16) & 0xFF] ^ t0[high >> 24];
            data = data[8..];
        }

        foreach (byte b in data)
        {
            crc = t0[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[][] BuildTables()
    {
        var tables = new uint[8][];
        for (int k = 0; k < 8; k++)
        {
            tables[k] = new uint[256];
        }

        for (uint i = 0; i < 256; i++)
        {
            uint crc = i;
            for (int bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ ReflectedPolynomial : crc >> 1;
            }

            tables[0][i] = crc;
        }

        for (int k = 1; k < 8; k++)
        {
            for (int i = 0; i < 256; i++)
            {
                uint previous = tables[k - 1][i];
                tables[k][i] = (previous >> 8) ^ tables[0][previous & 0xFF];
            }
        }

        return tables;
    }
}
