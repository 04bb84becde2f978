using System.Collections.Generic;

namespace Discovery.Generator.Naming;

/// <summary>
/// The names already taken in one C# scope (a class's members and nested types). A name that is taken gets
/// the smallest free numeric suffix, "2" first; names are claimed in document order, so the result is
/// deterministic.
/// </summary>
internal sealed class NameScope
{
    private readonly HashSet<string> _taken;

    public NameScope(IEnumerable<string> reserved) => _taken = new HashSet<string>(reserved);

    public string Claim(string candidate)
    {
        var name = candidate;
        var bare = candidate.StartsWith("@", System.StringComparison.Ordinal) ? candidate.Substring(1) : candidate;
        if (_taken.Add(bare))
        {
            return name;
        }

        for (var i = 2; ; i++)
        {
            var next = bare + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (_taken.Add(next))
            {
                return next;
            }
        }
    }

    public void Reserve(string name) => _taken.Add(name);
}
