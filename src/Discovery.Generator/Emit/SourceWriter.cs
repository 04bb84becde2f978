using System.Text;

namespace Discovery.Generator.Emit;

/// <summary>
/// An indented text writer: building syntax trees would cost hundreds of times more for the same text.
/// Indentation is one tab per level, which keeps generated code small (a large document's client is mostly
/// nested members, and four spaces a level made a fifth of its bytes).
/// </summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _builder;
    private int _indent;

    public SourceWriter(int capacity = 4096) => _builder = new StringBuilder(capacity);

    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            _builder.Append('\t', _indent);
            _builder.Append(text);
        }

        _builder.Append('\n');
        return this;
    }

    public SourceWriter Open(string header)
    {
        Line(header);
        Line("{");
        _indent++;
        return this;
    }

    public SourceWriter Close(string suffix = "")
    {
        _indent--;
        return Line("}" + suffix);
    }

    public override string ToString() => _builder.ToString();
}
