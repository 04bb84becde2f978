// The deprecated members are used on purpose: their warning is what a user sees, the test checks they are marked.
#pragma warning disable CS0612
using System.Linq;
using System.Reflection;
using Torture.V1;
using Torture.V1.Data;
using Xunit;

namespace Discovery.Client.Tests;

/// <summary>
/// Every hostile name in torture.discovery.json became a legal, predictable C# name. Most of the proof is
/// that this file compiles; the assertions pin the collision rules README.md documents.
/// </summary>
public class NamingTests
{
    [Fact]
    public void Properties_get_legal_names_and_collisions_get_numeric_suffixes()
    {
        var item = new Item
        {
            Type = "@type",
            FooBar = "foo-bar",
            FooBar2 = "foo.bar",
            _2fast = "2fast",
            Item2 = "item",
            Item3 = "Item",
            Equals2 = "equals",
            ToString2 = "toString",
            GetType2 = "getType",
            WriteJson2 = "writeJson",
            WriteProperties2 = "writeProperties",
            NextProperty2 = "nextProperty",
            ReadUndeclared2 = "readUndeclared",
            Class = "class",
            Params = "params",
        };

        var json = item.ToString();
        foreach (var wire in new[] { "@type", "foo-bar", "foo.bar", "2fast", "item", "Item", "equals", "toString", "getType", "writeJson", "writeProperties", "nextProperty", "readUndeclared", "class", "params" })
        {
            Assert.Contains("\"" + wire + "\":\"" + wire + "\"", json, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Schemas_named_like_dotnet_types_are_usable()
    {
        var task = new Task { String = new String { Value = "s" }, Object = new Object { Value = "o" } };
        Assert.Equal("{\"string\":{\"value\":\"s\"},\"object\":{\"value\":\"o\"}}", task.ToString());
    }

    [Fact]
    public void Enum_values_that_collide_or_are_not_identifiers_are_still_constants()
    {
        Assert.Equal("NOT_ACTIVATED", Item.StateValues.NotActivated);
        Assert.Equal("not_activated", Item.StateValues.NotActivated2);
        Assert.Equal("30DAYS", Item.StateValues._30days);
        Assert.Equal("default", Item.StateValues.Default);
        Assert.Equal("ToString", Item.StateValues.ToString2);
    }

    [Fact]
    public void Methods_and_parameters_with_hostile_names_are_callable()
    {
        using var service = new TortureService();
        var get = service.Items.Get("projects/p", 42, body: "b");
        get.MediaBody = "m";
        get.CancellationToken = "c";
        get.Class = "k";
        get.Key2 = "method key";
        get.OptionsRequestedPolicyVersion = 3;
        get.MaxResults = 10u;
        get.Kinds = new[] { ItemsResource.GetRequest.KindsValues.A };
        get.UserIp = "10.0.0.1";
        get.Pp = true;
        get.Fields = "name";

        Assert.Equal("projects/p", get.Name);
        Assert.Equal(42, get.Id);
        _ = service.Items.Return(new Task(), @object: "o");
        _ = service.Items.GetOpenidConfiguration();
        _ = service.Items.Attributes2();
        _ = service.Items.Attributes.List();
        _ = service.Items.Items.Get();
        _ = service.WellKnown.Get();
        _ = service.Torture.Get();
        _ = service.Ping();
    }

    [Fact]
    public void Deprecated_things_are_marked_obsolete()
    {
        Assert.NotNull(typeof(Item).GetProperty(nameof(Item.Old))!.GetCustomAttribute<System.ObsoleteAttribute>());
        Assert.NotNull(typeof(ItemsResource).GetMethod("Lock")!.GetCustomAttribute<System.ObsoleteAttribute>());
        Assert.NotNull(typeof(WellKnownResource).GetCustomAttribute<System.ObsoleteAttribute>());
        Assert.NotNull(typeof(Item.StateValues).GetField(nameof(Item.StateValues.NotActivated2))!.GetCustomAttribute<System.ObsoleteAttribute>());
    }

    [Fact]
    public void Aliased_schemas_use_the_collection_and_json_types_directly()
    {
        Assert.Equal(typeof(System.Collections.Generic.IDictionary<string, string>), typeof(Item).GetProperty(nameof(Item.LabelsRef))!.PropertyType);
        Assert.Equal(typeof(System.Collections.Generic.IList<Item>), typeof(Item).GetProperty(nameof(Item.Batch))!.PropertyType);
        Assert.Equal(typeof(System.Text.Json.JsonElement?), typeof(Item).GetProperty(nameof(Item.Json))!.PropertyType);
        Assert.Equal(typeof(Item.NestedData.RulesData.ConditionData), typeof(Item.NestedData.RulesData).GetProperty("Condition")!.PropertyType);
        Assert.Contains(typeof(Item.NestedData).GetProperties(), p => p.Name == "Nested");
    }
}
