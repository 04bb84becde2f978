using System;
using System.Collections.Generic;
using System.Linq;
using Discovery.Generator.Common;
using Discovery.Generator.Model;

namespace Discovery.Generator.Parsing;

/// <summary>
/// The Methods and ExcludeMethods item metadata: which methods to generate, and so which resources and schemas.
/// An entry names a method by its path in the document (resource names and the method name, "instances.get";
/// a top-level method by its name), which for almost every API is its id without the service name; the id
/// without its first segment is accepted too. An entry also names everything under a resource path
/// ("instances", "projects.locations"). Exclusion wins. Selection runs on the parsed model, so every generated
/// name is the one the whole document gives it: narrowing the selection never renames what stays.
/// </summary>
internal sealed class MethodSelection
{
    private readonly List<string>? _include;
    private readonly List<string> _exclude;
    private readonly HashSet<string> _matched = new(StringComparer.Ordinal);
    private readonly List<string> _candidates = new();

    private MethodSelection(List<string>? include, List<string> exclude)
    {
        _include = include;
        _exclude = exclude;
    }

    /// <summary>The selection the metadata asks for, or null for the whole document.</summary>
    public static MethodSelection? From(string? methods, string? excludeMethods) =>
        methods is null && excludeMethods is null ? null : new MethodSelection(methods is null ? null : Entries(methods), excludeMethods is null ? new List<string>() : Entries(excludeMethods));

    /// <summary>Keeps the selected methods, the resources that still hold one, and the schemas they reach.</summary>
    public (List<ResourceModel> Resources, List<MethodModel> Methods, List<SchemaModel> Schemas) Apply(List<ResourceModel> resources, List<MethodModel> methods, List<SchemaModel> schemas)
    {
        var keptResources = new List<ResourceModel>();
        foreach (var resource in resources)
        {
            if (Filter(resource, string.Empty) is { } kept)
            {
                keptResources.Add(kept);
            }
        }

        var keptMethods = Filter(methods, string.Empty);
        return (keptResources, keptMethods, Reached(schemas, keptResources, keptMethods));
    }

    /// <summary>Entries that matched nothing, each with the closest method or resource path when one is close.</summary>
    public IEnumerable<(string Metadata, string Entry, string? Suggestion)> Unmatched()
    {
        foreach (var (metadata, entries) in new[] { ("Methods", _include ?? new List<string>()), ("ExcludeMethods", _exclude) })
        {
            foreach (var entry in entries)
            {
                if (!_matched.Contains(entry))
                {
                    yield return (metadata, entry, Closest(entry));
                }
            }
        }
    }

    private static List<string> Entries(string text)
    {
        // ';' as the examples write it; ',' because the props turn ';' into ',' (the compiler reads
        // item metadata from an .editorconfig, where ';' starts a comment).
        var entries = new List<string>();
        foreach (var part in text.Split(';', ','))
        {
            var entry = part.Trim();
            if (entry.Length > 0 && !entries.Contains(entry))
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private ResourceModel? Filter(ResourceModel resource, string prefix)
    {
        var path = prefix + resource.WireName;
        _candidates.Add(path);
        var methods = Filter(resource.Methods, path + ".");
        var children = new List<ResourceModel>();
        foreach (var child in resource.Resources)
        {
            if (Filter(child, path + ".") is { } kept)
            {
                children.Add(kept);
            }
        }

        // A resource with nothing selected under it would be an empty class and property.
        return methods.Count == 0 && children.Count == 0
            ? null
            : resource with { Methods = methods.ToEquatableArray(), Resources = children.ToEquatableArray() };
    }

    private List<MethodModel> Filter(IEnumerable<MethodModel> methods, string prefix)
    {
        var kept = new List<MethodModel>();
        foreach (var method in methods)
        {
            var path = prefix + method.WireName;
            _candidates.Add(path);
            var dot = method.Id.IndexOf('.');
            var idPath = dot > 0 ? method.Id.Substring(dot + 1) : method.Id;

            // Every entry that names the method is marked as used, even when another one excludes it.
            var excluded = Matches(_exclude, path, idPath);
            var included = _include is null || Matches(_include, path, idPath);
            if (included && !excluded)
            {
                kept.Add(method);
            }
        }

        return kept;
    }

    private bool Matches(List<string> entries, string path, string idPath)
    {
        var any = false;
        foreach (var entry in entries)
        {
            if (Names(entry, path) || Names(entry, idPath))
            {
                _matched.Add(entry);
                any = true;
            }
        }

        return any;
    }

    /// <summary>Whether the entry is the path or a prefix of it that ends at a '.'.</summary>
    private static bool Names(string entry, string path) =>
        path.StartsWith(entry, StringComparison.Ordinal) && (path.Length == entry.Length || path[entry.Length] == '.');

    /// <summary>The top-level schema classes the kept methods reach through bodies, responses, properties, items and map values.</summary>
    private static List<SchemaModel> Reached(List<SchemaModel> schemas, List<ResourceModel> resources, List<MethodModel> methods)
    {
        var byName = new Dictionary<string, SchemaModel>(StringComparer.Ordinal);
        foreach (var schema in schemas)
        {
            byName[schema.Type.QualifiedName] = schema;
        }

        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<SchemaModel>();
        void Reach(TypeModel? type)
        {
            while (type is { Kind: TypeKind.List or TypeKind.Map })
            {
                type = type.Element;
            }

            if (type is { Kind: TypeKind.Object } && byName.TryGetValue(type.QualifiedName, out var schema) && reached.Add(type.QualifiedName))
            {
                pending.Push(schema);
            }
        }

        void ReachMethods(IEnumerable<MethodModel> list)
        {
            foreach (var method in list)
            {
                Reach(method.Body?.Type);
                Reach(method.Response);
                foreach (var inline in method.InlineSchemas)
                {
                    pending.Push(inline);
                }
            }
        }

        ReachMethods(methods);
        var resourceStack = new Stack<ResourceModel>(resources);
        while (resourceStack.Count > 0)
        {
            var resource = resourceStack.Pop();
            ReachMethods(resource.Methods);
            foreach (var child in resource.Resources)
            {
                resourceStack.Push(child);
            }
        }

        // A stack, not recursion: a chain of thousands of schemas must not overflow the compiler's stack.
        while (pending.Count > 0)
        {
            var schema = pending.Pop();
            foreach (var property in schema.Properties)
            {
                Reach(property.Type);
            }

            foreach (var nested in schema.Nested)
            {
                pending.Push(nested);
            }
        }

        return schemas.Where(s => reached.Contains(s.Type.QualifiedName)).ToList();
    }

    private string? Closest(string entry)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in _candidates)
        {
            var distance = Distance(entry, candidate);
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // Close means a typo or two, not any name at all.
        return bestDistance <= Math.Max(2, entry.Length / 4) ? best : null;
    }

    /// <summary>Levenshtein distance ignoring case ("Instances" is a fine hint for "instances"); lengths too far apart are not compared.</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > Math.Max(2, a.Length / 4))
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var same = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]);
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (same ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
