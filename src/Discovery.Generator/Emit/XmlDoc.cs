using System.Text;

namespace Discovery.Generator.Emit;

/// <summary>
/// Document text (descriptions and names alike) is untrusted: it becomes XML doc comments that can never end
/// the comment early, start a directive, or hold malformed XML (which would be a warning, and so an error, in
/// the user's build). <see cref="Escape"/> is the one way any such text reaches a comment.
/// </summary>
internal static class XmlDoc
{
    public static void Summary(SourceWriter writer, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        var lines = Lines(text!);
        if (lines.Length == 1)
        {
            writer.Line("/// <summary>" + lines[0] + "</summary>");
            return;
        }

        writer.Line("/// <summary>");
        foreach (var line in lines)
        {
            writer.Line(line.Length == 0 ? "///" : "/// " + line);
        }

        writer.Line("/// </summary>");
    }

    public static void Remarks(SourceWriter writer, string text) => writer.Line("/// <remarks>" + Escape(text) + "</remarks>");

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                // Tabs, and the line terminators C# knows beyond CR and LF, which would end a '//' comment line.
                case '\t' or '\u0085' or '\u2028' or '\u2029': builder.Append(' '); break;
                default:
                    // XML 1.0 forbids most control characters and lone surrogates; dropping them keeps the doc valid.
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        builder.Append(c).Append(text[++i]);
                    }
                    else if (c < ' ' || c == '\uFFFE' || c == '\uFFFF')
                    {
                        builder.Append(' ');
                    }
                    else if (!char.IsSurrogate(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    private static string[] Lines(string text)
    {
        // Every line break C# recognises ends a '///' comment line, so each must start a new one.
        var normalized = text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\u2028', '\n').Replace('\u2029', '\n').Replace('\u0085', '\n');
        var lines = normalized.Trim('\n').Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Escape(lines[i]).TrimEnd();
        }

        return lines;
    }
}
