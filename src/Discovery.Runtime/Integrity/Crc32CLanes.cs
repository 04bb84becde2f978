#if !NETSTANDARD2_0
using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Discovery.Runtime.Integrity;

/// <summary>
/// CRC32C over three interleaved lanes. The <c>crc32</c> instruction has a latency of three cycles but can start
/// every cycle, so one chain of it runs at a third of the processor's speed. A block of three equal lanes is hashed
/// as three independent chains (the first continuing the register, the others from zero) and joined afterwards:
/// the register is linear, so the CRC of the block is the first lane's value advanced over two lanes of zero
/// bytes, xor the second's advanced over one, xor the third's. Advancing over a fixed length is a 32x32 bit
/// matrix, applied here as four byte-indexed tables.
/// </summary>
internal sealed class Crc32CLanes
{
    /// <summary>Lanes of 4 KiB: joining costs two table passes per 12 KiB block.</summary>
    public static readonly Crc32CLanes Long = new(4096);

    /// <summary>Lanes of 256 bytes, for what is left after the long blocks.</summary>
    public static readonly Crc32CLanes Short = new(256);

    private readonly int _lane;
    private readonly uint[] _overOne;
    private readonly uint[] _overTwo;

    private Crc32CLanes(int lane)
    {
        _lane = lane;
        _overOne = ZeroAdvanceTables(lane);
        _overTwo = ZeroAdvanceTables(2 * lane);
    }

    /// <summary>Hashes the whole blocks at the start of <paramref name="data"/> and leaves the rest in it.</summary>
    public uint Update(uint crc, ref ReadOnlySpan<byte> data)
    {
        int lane = _lane;
        while (data.Length >= 3 * lane)
        {
            ref byte first = ref MemoryMarshal.GetReference(data);
            ref byte second = ref Unsafe.Add(ref first, lane);
            ref byte third = ref Unsafe.Add(ref first, 2 * lane);
            uint a = crc, b = 0, c = 0;
            for (int i = 0; i < lane; i += sizeof(ulong))
            {
                a = BitOperations.Crc32C(a, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, i)));
                b = BitOperations.Crc32C(b, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref second, i)));
                c = BitOperations.Crc32C(c, Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref third, i)));
            }

            crc = Advance(_overTwo, a) ^ Advance(_overOne, b) ^ c;
            data = data.Slice(3 * lane);
        }

        return crc;
    }

    private static uint Advance(uint[] table, uint register)
        => table[register & 0xFF] ^ table[256 + ((register >> 8) & 0xFF)] ^ table[512 + ((register >> 16) & 0xFF)] ^ table[768 + (register >> 24)];

    /// <summary>For each byte of the register and each value of it: that register advanced over <paramref name="length"/> zero bytes.</summary>
    private static uint[] ZeroAdvanceTables(int length)
    {
        // The advance of each single bit, computed by running the one-lane update over zeros; every other
        // register's advance is the xor of its bits' advances.
        Span<uint> bits = stackalloc uint[32];
        byte[] zeros = new byte[length];
        for (int bit = 0; bit < 32; bit++)
        {
            bits[bit] = Crc32C.UpdateOneLane(1u << bit, zeros);
        }

        var table = new uint[4 * 256];
        for (int position = 0; position < 4; position++)
        {
            for (int value = 1; value < 256; value++)
            {
                uint advanced = 0;
                for (int bit = 0; bit < 8; bit++)
                {
                    if ((value & (1 << bit)) != 0)
                    {
                        advanced ^= bits[(8 * position) + bit];
                    }
                }

                table[(256 * position) + value] = advanced;
            }
        }

        return table;
    }
}
#endif
