using System.Text.Json.Nodes;
using Discovery.Runtime.Json;
using Torture.V1.Data;
using Xunit;

namespace Discovery.Client.Tests;

/// <summary>Generated serialization: every wire type reads into a natural C# type and writes back losing nothing.</summary>
public class JsonRoundTripTests
{
    private const string Full = """
        {
          "@type": "t", "foo-bar": "a", "foo.bar": "b", "2fast": "c", "item": "d", "Item": "e",
          "int64Value": "9223372036854775807", "uint64Value": "18446744073709551615",
          "int32Value": -5, "uint32Value": 4294967295, "doubleValue": 0.5, "floatValue": 1.25, "flag": true,
          "bytes": "AAEC/w==",
          "when": "2024-01-02T03:04:05.123456789Z", "legacyWhen": "2024-01-02T03:04:05Z",
          "duration": "3.000000001s", "mask": "a.b,c", "day": "2024-02-29",
          "anything": { "deep": [1, "two", null, { "three": 3 }] },
          "matrix": [[1.5, 2], [], [3]],
          "labels": { "a": "1", "b": "2" },
          "counts": { "x": "-9007199254740993" },
          "mapOfArrays": { "k": ["v1", "v2"] },
          "arrayOfMaps": [{ "p": 1 }, { "q": [true] }],
          "mapOfMaps": { "outer": { "inner": { "name": "n" } } },
          "nested": { "rules": [{ "condition": { "age": 30 } }], "nested": "x" },
          "state": "A_VALUE_FROM_THE_FUTURE",
          "states": ["ON", "SOMETIMES"],
          "self": { "item": "child", "self": { "item": "grandchild" } },
          "children": [{ "item": "c1" }, { "item": "c2", "unknownInside": 1 }],
          "readOnlyThing": "server-set",
          "labelsRef": { "z": "26" },
          "batch": [{ "item": "b1" }],
          "json": [1, 2, 3],
          "level": 2,
          "notInTheDocument": { "kept": ["as", "is"] },
          "alsoUnknown": 12345678901234567890
        }
        """;

    [Fact]
    public void Reading_and_writing_back_loses_nothing()
    {
        var item = JsonIO.Deserialize(Full, Item.ReadJson);
        var written = item.ToString();
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Full), JsonNode.Parse(written)), written);
    }

    [Fact]
    public void Unknown_properties_before_between_and_after_declared_ones_are_kept_in_order()
    {
        var item = JsonIO.Deserialize("""{"first":1,"item":"x","middle":[true,null],"Item":"y","last":{"d":"e"}}""", Item.ReadJson);

        Assert.Equal("x", item.Item2);
        Assert.Equal("y", item.Item3);
        Assert.Equal(new[] { "first", "middle", "last" }, item.UnknownProperties!.Keys);
        Assert.Equal("""{"item":"x","Item":"y","first":1,"middle":[true,null],"last":{"d":"e"}}""", item.ToString());
    }

    [Fact]
    public void A_schema_without_properties_keeps_every_property_it_reads()
    {
        const string Json = """{"a":1,"b":[true,null],"c":{"d":"e"}}""";
        var empty = JsonIO.Deserialize(Json, Empty.ReadJson);

        Assert.Equal(new[] { "a", "b", "c" }, empty.UnknownProperties!.Keys);
        Assert.Equal(Json, empty.ToString());
    }

    [Fact]
    public void Wire_types_map_to_natural_csharp_types()
    {
        var item = JsonIO.Deserialize(Full, Item.ReadJson);

        Assert.Equal(long.MaxValue, item.Int64Value);
        Assert.Equal(ulong.MaxValue, item.Uint64Value);
        Assert.Equal(uint.MaxValue, item.Uint32Value);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, item.Bytes);
        Assert.Equal(new System.DateTimeOffset(2024, 1, 2, 3, 4, 5, 123, System.TimeSpan.Zero).AddTicks(4567), item.When!.Value.ToDateTimeOffset());
        Assert.Equal("2024-01-02T03:04:05.123456789Z", item.When.Value.Raw);
        Assert.Equal(System.TimeSpan.FromSeconds(3), item.Duration!.Value.ToTimeSpan());
        Assert.Equal(1.5, item.Matrix![0][0]);
        Assert.Equal(-9007199254740993L, item.Counts!["x"]);
        Assert.Equal("n", item.MapOfMaps!["outer"]["inner"].Name);
        Assert.Equal(30, item.Nested!.Rules![0].Condition!.Age);
        Assert.Equal("grandchild", item.Self!.Self!.Item2);
        Assert.Equal("A_VALUE_FROM_THE_FUTURE", item.State);
        Assert.True(item.UnknownProperties!.ContainsKey("notInTheDocument"));
        Assert.Equal(3, item.Json!.Value.GetArrayLength());
        Assert.Equal(2, item.Level);
    }

    [Fact]
    public void Url_safe_and_unpadded_base64_is_accepted()
    {
        var item = JsonIO.Deserialize("{\"bytes\":\"AAEC_w\"}", Item.ReadJson);
        Assert.Equal(new byte[] { 0, 1, 2, 255 }, item.Bytes);
    }

    [Fact]
    public void Int64_values_are_written_as_json_strings()
    {
        var item = new Item { Int64Value = 1L << 60, Uint64Value = 7, Int32Value = 7 };
        Assert.Equal("{\"int32Value\":7,\"int64Value\":\"1152921504606846976\",\"uint64Value\":\"7\"}", Canonical(item.ToString()));
    }

    [Fact]
    public void Nulls_mean_unset_and_unset_properties_are_not_written()
    {
        var item = JsonIO.Deserialize("{\"item\":null,\"self\":null,\"labels\":null}", Item.ReadJson);
        Assert.Null(item.Item2);
        Assert.Null(item.Self);
        Assert.Equal("{}", item.ToString());
    }

    [Fact]
    public void Non_finite_doubles_travel_as_protobuf_strings()
    {
        var item = JsonIO.Deserialize("{\"doubleValue\":\"NaN\",\"floatValue\":\"-Infinity\"}", Item.ReadJson);
        Assert.True(double.IsNaN(item.DoubleValue!.Value));
        Assert.Equal(float.NegativeInfinity, item.FloatValue);
        Assert.Equal("{\"doubleValue\":\"NaN\",\"floatValue\":\"-Infinity\"}", item.ToString());
    }

    [Fact]
    public void Recursive_and_mutually_recursive_schemas_round_trip()
    {
        const string json = "{\"b\":{\"a\":{\"b\":{\"name\":\"deep\"}},\"name\":\"top\"}}";
        Assert.Equal(json, JsonIO.Deserialize(json, NodeA.ReadJson).ToString());
    }

    private static string Canonical(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        var sorted = new JsonObject();
        foreach (var pair in System.Linq.Enumerable.OrderBy(node, p => p.Key, System.StringComparer.Ordinal))
        {
            sorted[pair.Key] = pair.Value?.DeepClone();
        }

        return sorted.ToJsonString();
    }
}
