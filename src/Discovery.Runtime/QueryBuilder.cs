using System;
using System.Collections.Generic;
using System.Text;

namespace Discovery.Runtime;

/// <summary>
/// The query string of one request: ordered name/value pairs, escaped as RFC 3986 unreserved text.
/// Generated request classes add their parameters here; the runtime adds its own (alt, key, uploadType).
/// </summary>
public sealed class QueryBuilder
{
    private readonly List<KeyValuePair<string, string>> _pairs = new();

    /// <summary>Adds one pair; a null value means the parameter was not set and is skipped.</summary>
    public void Add(string name, string? value)
    {
        if (value is not null)
        {
            _pairs.Add(new KeyValuePair<string, string>(name, value));
        }
    }

    /// <summary>Adds a boolean as "true"/"false"; null is skipped.</summary>
    public void Add(string name, bool? value) => Add(name, ParameterFormat.Format(value));

    /// <summary>Adds an integer in invariant form; null is skipped.</summary>
    public void Add(string name, int? value) => Add(name, ParameterFormat.Format(value));

    /// <summary>Adds an integer in invariant form; null is skipped.</summary>
    public void Add(string name, uint? value) => Add(name, ParameterFormat.Format(value));

    /// <summary>Adds an integer in invariant form; null is skipped.</summary>
    public void Add(string name, long? value) => Add(name, ParameterFormat.Format(value));

    /// <summary>Adds an integer in invariant form; null is skipped.</summary>
    public void Add(string name, ulong? value) => Add(name, ParameterFormat.Format(value));

    /// <summary>Adds a number in shortest round-trip form; null is skipped.</summary>
    public void Add(string name, double? value) => Add(name, ParameterFormat.Format(value));

    /// <summary>Adds a number in shortest round-trip form; null is skipped.</summary>
    public void Add(string name, float? value) => Add(name, ParameterFormat.Format(value));

    /// <summary>Adds a repeated parameter: one pair per value, in order.</summary>
    public void Add(string name, IEnumerable<string>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            Add(name, value);
        }
    }

    /// <summary>Replaces every pair named <paramref name="name"/> with one pair.</summary>
    public void Set(string name, string value)
    {
        _pairs.RemoveAll(p => string.Equals(p.Key, name, StringComparison.Ordinal));
        _pairs.Add(new KeyValuePair<string, string>(name, value));
    }

    /// <summary>Whether a pair with this name was added.</summary>
    public bool Contains(string name) => _pairs.Exists(p => string.Equals(p.Key, name, StringComparison.Ordinal));

    /// <summary>The pairs in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    /// <summary>"" when empty, otherwise "?a=1&amp;b=2" with every name and value escaped.</summary>
    public string ToQueryString()
    {
        if (_pairs.Count == 0)
        {
            return string.Empty;
        }

        if (_pairs.Count == 1)
        {
            return string.Concat("?", Uri.EscapeDataString(_pairs[0].Key), "=", Uri.EscapeDataString(_pairs[0].Value));
        }

        // Sized for the unescaped text, so that a query without escapes never grows the builder.
        var length = 0;
        foreach (var pair in _pairs)
        {
            length += pair.Key.Length + pair.Value.Length + 2;
        }

        var builder = new StringBuilder(length);
        foreach (var pair in _pairs)
        {
            builder.Append(builder.Length == 0 ? '?' : '&');
            builder.Append(Uri.EscapeDataString(pair.Key)).Append('=').Append(Uri.EscapeDataString(pair.Value));
        }

        return builder.ToString();
    }
}
