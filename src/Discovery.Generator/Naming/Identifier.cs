using System.Collections.Generic;
using System.Text;

namespace Discovery.Generator.Naming;

/// <summary>
/// Turns wire names into legal C# identifiers. The rules (also in README.md, "Naming rules"):
/// split the name into words at every character that is not an ASCII letter or digit; upper-case each
/// word's first letter; a word written all in capitals ("NOT_ACTIVATED", "URL") continues in lower case,
/// any other word keeps its letters ("weightGrams" -> "WeightGrams"); a name that starts with a digit gets
/// a leading '_'; an empty result becomes "Value". Parameters use the same words with a lower-case first
/// letter and get '@' when they are C# keywords. A name longer than <see cref="MaxLength"/> is cut there,
/// its end replaced by a hash of the whole name, so that it stays within what the compiler writes into
/// metadata (CS7013) and two long names that differ only at the end stay apart.
/// </summary>
internal static class Identifier
{
    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
        "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// The longest name a wire name becomes, before the few letters a scope adds ("Resource", "2"). Far above any
    /// real document's (125), and low enough that a namespace of two such names and a type in it stay well
    /// inside the 1023-byte metadata name limit.
    /// </summary>
    public const int MaxLength = 200;

    /// <summary>
    /// A legal C# identifier that is not a keyword and does not start with "__": generated files keep those for
    /// their namespace aliases (__S, __D, ...), which a user's namespace or class of that name would capture.
    /// </summary>
    public static bool IsValid(string name)
    {
        if (name.Length == 0 || Keywords.Contains(name) || !(char.IsLetter(name[0]) || name[0] == '_') || name.StartsWith("__", System.StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c == '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Dot-separated identifiers, as a namespace.</summary>
    public static bool IsQualified(string name) => System.Array.TrueForAll(name.Split('.'), IsValid);

    public static string Pascal(string wireName)
    {
        var builder = new StringBuilder(wireName.Length);
        var word = new StringBuilder();
        foreach (var c in wireName)
        {
            if (IsAsciiLetterOrDigit(c))
            {
                word.Append(c);
            }
            else
            {
                AppendWord(builder, word);
            }
        }

        AppendWord(builder, word);
        if (builder.Length == 0)
        {
            return "Value";
        }

        return Shorten(char.IsDigit(builder[0]) ? "_" + builder : builder.ToString(), MaxLength);
    }

    /// <summary>
    /// <paramref name="text"/> if it fits in <paramref name="maxLength"/>, otherwise its start and a stable hash of
    /// all of it (FNV-1a, the same on every machine and run, unlike string.GetHashCode).
    /// </summary>
    public static string Shorten(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }

        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return text.Substring(0, maxLength - 9) + "_" + hash.ToString("X8", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static string Camel(string wireName)
    {
        var pascal = Pascal(wireName);
        if (pascal[0] == '_')
        {
            return pascal;
        }

        var camel = char.ToLowerInvariant(pascal[0]) + pascal.Substring(1);
        return Keywords.Contains(camel) ? "@" + camel : camel;
    }

    private static void AppendWord(StringBuilder builder, StringBuilder word)
    {
        if (word.Length == 0)
        {
            return;
        }

        var allCaps = true;
        for (var i = 0; i < word.Length; i++)
        {
            if (char.IsLower(word[i]))
            {
                allCaps = false;
                break;
            }
        }

        builder.Append(char.ToUpperInvariant(word[0]));
        for (var i = 1; i < word.Length; i++)
        {
            builder.Append(allCaps && word.Length > 1 ? char.ToLowerInvariant(word[i]) : word[i]);
        }

        word.Clear();
    }

    private static bool IsAsciiLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
