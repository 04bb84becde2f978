using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using Discovery.Runtime.Json;
using Torture.V1.Data;
using Xunit;

namespace Discovery.Client.Tests;

/// <summary>
/// Generated readers match names and parse numbers on the UTF-8 text; escaped names and numbers, input in many
/// segments and names of any length must read exactly as plain text does.
/// </summary>
public class Utf8ReadingTests
{
    [Fact]
    public void Escaped_names_match_their_properties_and_case_still_tells_names_apart()
    {
        var item = JsonIO.Deserialize("""{ "it\u0065m": "lower", "\u0049tem": "upper", "int64\u0056alue": "5" }""", Item.ReadJson);

        Assert.Equal(("lower", "upper", 5L), (item.Item2, item.Item3, item.Int64Value));
        Assert.Null(item.UnknownProperties);
    }

    [Fact]
    public void Unknown_names_are_kept_unescaped_however_long()
    {
        var longName = new string('\u00e9', 300);
        var item = JsonIO.Deserialize("{ \"n\\u00e9w\": 1, \"" + longName + "\": 2, \"" + new string('q', 300) + "\": 3 }", Item.ReadJson);

        Assert.Equal(new[] { "n\u00e9w", longName, new string('q', 300) }, item.UnknownProperties!.Keys.ToArray());
    }

    [Theory]
    [InlineData("\"12\"", 12L)]
    [InlineData("\"\\u0031\\u0032\"", 12L)]
    [InlineData("\"+7\"", 7L)]
    [InlineData("\"007\"", 7L)]
    [InlineData("\"-9223372036854775808\"", long.MinValue)]
    [InlineData("42", 42L)]
    public void Int64_strings_parse_plain_or_escaped(string json, long expected)
    {
        Assert.Equal(expected, JsonIO.Deserialize("{ \"int64Value\": " + json + " }", Item.ReadJson).Int64Value);
    }

    [Theory]
    [InlineData("\"9223372036854775808\"", typeof(OverflowException))]
    [InlineData("\"-\"", typeof(FormatException))]
    [InlineData("\"12a\"", typeof(FormatException))]
    [InlineData("\"\"", typeof(FormatException))]
    [InlineData("\" 1\"", typeof(FormatException))]
    public void Int64_strings_that_are_not_numbers_fail_as_before(string json, Type exception)
    {
        Assert.Throws(exception, () => JsonIO.Deserialize("{ \"int64Value\": " + json + " }", Item.ReadJson));
    }

    [Theory]
    [InlineData("\"18446744073709551615\"", ulong.MaxValue)]
    [InlineData("\"\\u0039\"", 9UL)]
    public void Uint64_strings_parse_plain_or_escaped(string json, ulong expected)
    {
        Assert.Equal(expected, JsonIO.Deserialize("{ \"uint64Value\": " + json + " }", Item.ReadJson).Uint64Value);
    }

    [Theory]
    [InlineData("\"-1\"", typeof(FormatException))]
    [InlineData("\"18446744073709551616\"", typeof(OverflowException))]
    public void Uint64_strings_that_are_not_uint64_fail_as_before(string json, Type exception)
    {
        Assert.Throws(exception, () => JsonIO.Deserialize("{ \"uint64Value\": " + json + " }", Item.ReadJson));
    }

    [Fact]
    public void Input_in_one_byte_segments_reads_as_one_span_does()
    {
        const string Json = """{ "item": "a", "int64Value": "-9007199254740993", "uint64Value": "18446744073709551615", "int32Value": "-5", "labels": { "k": "v" }, "somethingElse": [1] }""";
        var bytes = Encoding.UTF8.GetBytes(Json);
        var reader = new Utf8JsonReader(Segments(bytes));

        var segmented = Item.ReadJson(ref reader);

        Assert.Equal(JsonIO.Deserialize(Json, Item.ReadJson).ToString(), segmented.ToString());
        Assert.Equal((-9007199254740993L, ulong.MaxValue, -5), (segmented.Int64Value, segmented.Uint64Value, segmented.Int32Value));
    }

    private static ReadOnlySequence<byte> Segments(byte[] bytes)
    {
        var first = new Segment(bytes.AsMemory(0, 1), 0);
        var last = first;
        for (int i = 1; i < bytes.Length; i++)
        {
            last = last.Append(bytes.AsMemory(i, 1));
        }

        return new ReadOnlySequence<byte>(first, 0, last, 1);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
