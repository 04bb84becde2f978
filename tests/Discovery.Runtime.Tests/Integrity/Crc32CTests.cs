using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Discovery.Runtime.Integrity;
using Xunit;

namespace Discovery.Runtime.Tests.Integrity;

/// <summary>Known answers for CRC32C on both code paths: the platform's instruction and the table fallback.</summary>
public sealed class Crc32CTests
{
    public static TheoryData<byte[], uint> Rfc3720Vectors() => new()
    {
        // RFC 3720, appendix B.4.
        { new byte[32], 0x8A9136AA },
        { Enumerable.Repeat((byte)0xFF, 32).ToArray(), 0x62A8AB43 },
        { Enumerable.Range(0, 32).Select(i => (byte)i).ToArray(), 0x46DD794E },
        { Enumerable.Range(0, 32).Select(i => (byte)(31 - i)).ToArray(), 0x113FDB5C },
        { Encoding.ASCII.GetBytes("123456789"), 0xE3069283 },
        { Array.Empty<byte>(), 0 },
    };

    [Theory]
    [MemberData(nameof(Rfc3720Vectors))]
    public void Both_paths_give_the_RFC_3720_values(byte[] data, uint expected)
    {
        Assert.Equal(expected, ~Crc32C.Update(uint.MaxValue, data));
        Assert.Equal(expected, ~Crc32C.UpdateWithTables(uint.MaxValue, data));
        var crc = default(Crc32C);
        crc.Append(data);
        Assert.Equal(expected, crc.Value);
    }

    [Theory]
    [InlineData("data", "rth90Q==")]
    [InlineData("some text\n", "DkjKuA==")]
    [InlineData("dog", "CnKk3w==")]
    public void The_base64_form_matches_Googles_documented_examples(string text, string expected)
    {
        var crc = default(Crc32C);
        crc.Append(Encoding.ASCII.GetBytes(text));

        Assert.Equal(expected, crc.ToBase64());
    }

    [Fact]
    public void Appending_in_pieces_equals_hashing_at_once_on_both_paths()
    {
        var data = new byte[100_003];
        new Random(5).NextBytes(data);
        var whole = default(Crc32C);
        whole.Append(data);

        var pieces = default(Crc32C);
        uint table = uint.MaxValue;
        for (int at = 0; at < data.Length; at += 777)
        {
            var piece = data.AsSpan(at, Math.Min(777, data.Length - at));
            pieces.Append(piece);
            table = Crc32C.UpdateWithTables(table, piece);
        }

        Assert.Equal(whole.Value, pieces.Value);
        Assert.Equal(whole.Value, ~table);
    }

    [Fact]
    public void The_interleaved_lanes_give_the_one_lane_value_for_every_length_and_alignment_around_their_blocks()
    {
        var data = new byte[(3 * 4096 * 2) + (3 * 256 * 2) + 64];
        new Random(9).NextBytes(data);
        var lengths = new SortedSet<int>();
        foreach (int block in new[] { 3 * 256, 3 * 4096 })
        {
            foreach (int multiple in new[] { 1, 2 })
            {
                for (int delta = -9; delta <= 9; delta++)
                {
                    lengths.Add((block * multiple) + delta);
                }
            }
        }

        lengths.Add((3 * 4096) + (3 * 256) + 7);
        int checkedCases = 0;
        foreach (int offset in new[] { 0, 1, 3, 8 })
        {
            foreach (int length in lengths)
            {
                var span = data.AsSpan(offset, length);
                uint expected = Crc32C.UpdateWithTables(0x1234_5678, span);
                Assert.Equal(expected, Crc32C.Update(0x1234_5678, span));
                Assert.Equal(expected, Crc32C.UpdateOneLane(0x1234_5678, span));
                checkedCases++;
            }
        }

        Assert.Equal(4 * lengths.Count, checkedCases);
    }
}
