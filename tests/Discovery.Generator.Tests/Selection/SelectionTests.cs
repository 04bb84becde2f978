using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Discovery.Generator.Model;
using Discovery.Generator.Parsing;
using Discovery.Tests;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Discovery.Generator.Tests.Selection;

/// <summary>
/// Methods and ExcludeMethods item metadata: the selected methods, the resources that hold them, and exactly
/// the schemas they reach, nothing missing (the output compiles) and nothing extra.
/// </summary>
public class SelectionTests
{
    // Order reaches Line (items), Customer (a property, itself recursive), Tag (map values) and Note (through an
    // inline object); Audit and Staff reach each other; Unused is reached only by stores.get and status.
    private const string Shop = """
        {
          "kind": "discovery#restDescription", "name": "shop", "version": "v1",
          "rootUrl": "https://shop.example.com/", "servicePath": "shop/v1/",
          "schemas": {
            "Order": { "id": "Order", "type": "object", "properties": {
              "lines": { "type": "array", "items": { "$ref": "Line" } },
              "customer": { "$ref": "Customer" },
              "extra": { "type": "object", "properties": { "note": { "$ref": "Note" } } } } },
            "Line": { "id": "Line", "type": "object", "properties": { "sku": { "type": "string" } } },
            "Customer": { "id": "Customer", "type": "object", "properties": {
              "tags": { "type": "object", "additionalProperties": { "$ref": "Tag" } },
              "parent": { "$ref": "Customer" } } },
            "Tag": { "id": "Tag", "type": "object", "properties": { "label": { "type": "string" } } },
            "Note": { "id": "Note", "type": "object", "properties": { "text": { "type": "string" } } },
            "OrderList": { "id": "OrderList", "type": "object", "properties": {
              "items": { "type": "array", "items": { "$ref": "Order" } }, "nextPageToken": { "type": "string" } } },
            "Refund": { "id": "Refund", "type": "object", "properties": { "amount": { "type": "string", "format": "int64" } } },
            "Audit": { "id": "Audit", "type": "object", "properties": { "by": { "$ref": "Staff" } } },
            "Staff": { "id": "Staff", "type": "object", "properties": { "audit": { "$ref": "Audit" } } },
            "Unused": { "id": "Unused", "type": "object", "properties": { "x": { "type": "string" } } }
          },
          "methods": {
            "ping": { "id": "shop.ping", "httpMethod": "GET", "path": "ping", "response": { "$ref": "Audit" } },
            "status": { "id": "shop.status", "httpMethod": "GET", "path": "status", "response": { "$ref": "Unused" } }
          },
          "resources": {
            "orders": {
              "methods": {
                "get": { "id": "shop.orders.get", "httpMethod": "GET", "path": "orders/{id}",
                  "parameters": { "id": { "type": "string", "location": "path", "required": true } }, "parameterOrder": ["id"],
                  "response": { "$ref": "Order" } },
                "list": { "id": "shop.orders.list", "httpMethod": "GET", "path": "orders",
                  "parameters": { "pageToken": { "type": "string", "location": "query" } }, "response": { "$ref": "OrderList" } }
              },
              "resources": { "refunds": { "methods": {
                "create": { "id": "shop.orders.refunds.create", "httpMethod": "POST", "path": "refunds",
                  "request": { "type": "object", "properties": { "note": { "$ref": "Note" } } }, "response": { "$ref": "Refund" } } } } }
            },
            "stores": { "methods": {
              "get": { "id": "shop.stores.get", "httpMethod": "GET", "path": "stores", "response": { "$ref": "Unused" } },
              "settings": { "id": "shop.storeSettings.get", "httpMethod": "GET", "path": "settings" } } }
          }
        }
        """;

    [Fact]
    public void Methods_keep_the_named_methods_and_exactly_the_schemas_they_reach()
    {
        var output = Generate(new() { ["Methods"] = "orders.get;ping" });

        Assert.Equal(new[] { "Audit", "Customer", "Line", "Note", "Order", "Staff", "Tag" }, DataTypes(output));
        Assert.Equal(new[] { "Get" }, Methods(output, "Shop.V1.OrdersResource"));
        Assert.Null(output.GetTypeByMetadataName("Shop.V1.OrdersResource+RefundsResource"));
        Assert.Null(output.GetTypeByMetadataName("Shop.V1.StoresResource"));
        Assert.Equal(new[] { "Ping" }, Methods(output, "Shop.V1.ShopService"));
        Assert.Equal(new[] { "Orders" }, Properties(output, "Shop.V1.ShopService"));
    }

    [Fact]
    public void A_resource_entry_takes_its_sub_resources_and_a_parent_stays_only_as_the_way_there()
    {
        var output = Generate(new() { ["Methods"] = "orders.refunds" });

        Assert.Equal(new[] { "Note", "Refund" }, DataTypes(output));
        Assert.Empty(Methods(output, "Shop.V1.OrdersResource"));
        Assert.Equal(new[] { "Refunds" }, Properties(output, "Shop.V1.OrdersResource"));
        Assert.Equal(new[] { "Create" }, Methods(output, "Shop.V1.OrdersResource+RefundsResource"));
        Assert.Empty(Methods(output, "Shop.V1.ShopService"));
    }

    [Fact]
    public void ExcludeMethods_wins_over_Methods()
    {
        var output = Generate(new() { ["Methods"] = "orders", ["ExcludeMethods"] = "orders.list;orders.refunds" });

        Assert.Equal(new[] { "Get" }, Methods(output, "Shop.V1.OrdersResource"));
        Assert.Null(output.GetTypeByMetadataName("Shop.V1.OrdersResource+RefundsResource"));
        Assert.DoesNotContain("OrderList", DataTypes(output));
        Assert.DoesNotContain("Refund", DataTypes(output));
    }

    [Fact]
    public void ExcludeMethods_alone_removes_only_what_nothing_else_reaches()
    {
        var output = Generate(new() { ["ExcludeMethods"] = "stores,status" });

        Assert.Equal(new[] { "Audit", "Customer", "Line", "Note", "Order", "OrderList", "Refund", "Staff", "Tag" }, DataTypes(output));
        Assert.Null(output.GetTypeByMetadataName("Shop.V1.StoresResource"));
        Assert.Equal(new[] { "Ping" }, Methods(output, "Shop.V1.ShopService"));
    }

    [Fact]
    public void An_entry_may_name_a_method_by_its_id_without_the_service_name()
    {
        var output = Generate(new() { ["Methods"] = "storeSettings.get" });

        Assert.Equal(new[] { "Settings" }, Methods(output, "Shop.V1.StoresResource"));
    }

    [Fact]
    public void An_entry_that_matches_nothing_is_a_warning_naming_it_with_the_closest_name_and_the_rest_generates()
    {
        var (run, output) = GeneratorHarness.Generate(
            GeneratorHarness.Document("/p/shop.discovery.json", Shop),
            new Dictionary<string, string> { ["Methods"] = "orders.gett;warehouses;ping;Orders.get", ["ExcludeMethods"] = "pong" });

        var messages = run.Diagnostics.Select(d => (d.Id, d.DefaultSeverity, Message: d.GetMessage(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        Assert.All(messages, m => Assert.Equal(("DISCO011", DiagnosticSeverity.Warning), (m.Id, m.DefaultSeverity)));
        Assert.Collection(
            messages.Select(m => m.Message),
            m => Assert.Equal("The Methods entry 'orders.gett' matches no method or resource of 'shop.discovery.json' and is ignored; did you mean 'orders.get'?", m),
            m => Assert.Equal("The Methods entry 'warehouses' matches no method or resource of 'shop.discovery.json' and is ignored", m),
            m => Assert.Equal("The Methods entry 'Orders.get' matches no method or resource of 'shop.discovery.json' and is ignored; did you mean 'orders.get'?", m),
            m => Assert.Equal("The ExcludeMethods entry 'pong' matches no method or resource of 'shop.discovery.json' and is ignored; did you mean 'ping'?", m));
        Assert.Equal(new[] { "Ping" }, Methods(output, "Shop.V1.ShopService"));
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    [Fact]
    public void Compute_selection_holds_exactly_the_schema_closure_of_its_methods()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Corpus, "compute.v1.json"));
        var input = new DocumentInput("/p/compute.v1.json", text, null, null, "instances;zoneOperations.get");
        var selected = DocumentParser.Parse(input, default);
        var whole = DocumentParser.Parse(input with { Methods = null }, default);

        var expected = Closure(text, new[] { "instances" }, new[] { "zoneOperations.get" }).Intersect(SchemaNames(whole)).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(expected, SchemaNames(selected).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Empty(selected.Diagnostics);

        var resources = selected.Units.OfType<ResourceUnit>().Select(u => u.Resource).ToList();
        Assert.Equal(new[] { "instances", "zoneOperations" }, resources.Select(r => r.WireName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(new[] { "get" }, resources.Single(r => r.WireName == "zoneOperations").Methods.Select(m => m.WireName));

        var (_, output) = GeneratorHarness.Generate(GeneratorHarness.Document(input.Path, text), new Dictionary<string, string> { ["Methods"] = input.Methods! });
        Assert.Empty(GeneratorHarness.Problems(output));
    }

    /// <summary>The schemas reached from the named resources' (recursively) and methods' request and response, walking every $ref.</summary>
    private static HashSet<string> Closure(string text, string[] resourcePaths, string[] methodPaths)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var schemas = root.GetProperty("schemas");
        var pending = new Stack<JsonElement>();

        void AllMethods(JsonElement resource)
        {
            foreach (var method in resource.TryGetProperty("methods", out var m) ? m.EnumerateObject().Select(p => p.Value) : Enumerable.Empty<JsonElement>())
            {
                pending.Push(method);
            }

            foreach (var child in resource.TryGetProperty("resources", out var r) ? r.EnumerateObject().Select(p => p.Value) : Enumerable.Empty<JsonElement>())
            {
                AllMethods(child);
            }
        }

        foreach (var path in resourcePaths)
        {
            AllMethods(root.GetProperty("resources").GetProperty(path));
        }

        foreach (var path in methodPaths)
        {
            var parts = path.Split('.');
            pending.Push(root.GetProperty("resources").GetProperty(parts[0]).GetProperty("methods").GetProperty(parts[1]));
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var bodies = pending.SelectMany(m => new[] { "request", "response" }.Where(k => m.TryGetProperty(k, out _)).Select(k => m.GetProperty(k))).ToList();
        var walk = new Stack<JsonElement>(bodies);
        while (walk.Count > 0)
        {
            var node = walk.Pop();
            if (node.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in node.EnumerateObject())
                {
                    if (property.Name == "$ref" && reached.Add(property.Value.GetString()!))
                    {
                        walk.Push(schemas.GetProperty(property.Value.GetString()!));
                    }
                    else
                    {
                        walk.Push(property.Value);
                    }
                }
            }
            else if (node.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in node.EnumerateArray())
                {
                    walk.Push(item);
                }
            }
        }

        return reached;
    }

    private static IEnumerable<string> SchemaNames(ParseResult result) =>
        result.Units.OfType<SchemaGroupUnit>().SelectMany(u => u.Schemas).Select(s => s.WireName);

    private static Compilation Generate(Dictionary<string, string> metadata)
    {
        var (run, output) = GeneratorHarness.Generate(GeneratorHarness.Document("/p/shop.discovery.json", Shop), metadata);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(GeneratorHarness.Problems(output));
        return output;
    }

    private static string[] DataTypes(Compilation output)
    {
        var data = output.GlobalNamespace.GetNamespaceMembers().Single(n => n.Name == "Shop").GetNamespaceMembers().Single(n => n.Name == "V1").GetNamespaceMembers().Single(n => n.Name == "Data");
        return data.GetTypeMembers().Select(t => t.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    private static string[] Methods(Compilation output, string type) =>
        Members(output, type).OfType<IMethodSymbol>().Where(m => m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility == Accessibility.Public && !m.IsStatic && m.ContainingType.Name == type.Split('.', '+').Last())
            .Select(m => m.Name).Distinct().OrderBy(n => n, StringComparer.Ordinal).ToArray();

    private static string[] Properties(Compilation output, string type) =>
        Members(output, type).OfType<IPropertySymbol>().Where(p => p.DeclaredAccessibility == Accessibility.Public).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    private static IEnumerable<ISymbol> Members(Compilation output, string type) =>
        (output.GetTypeByMetadataName(type) ?? throw new InvalidOperationException(type + " was not generated")).GetMembers();
}
