using Discovery.Generator.Emit;
using Xunit;

namespace Discovery.Generator.Tests.Emit;

/// <summary>A description is untrusted text: whatever it holds stays inside its doc comment, as valid XML.</summary>
public class XmlDocTests
{
    [Theory]
    [InlineData("a */ b")]
    [InlineData("</summary><script>")]
    [InlineData("x & y < z > w")]
    [InlineData("line\rbreak")]
    [InlineData("line\u2028separator")]
    [InlineData("para\u2029separator")]
    [InlineData("next\u0085line")]
    [InlineData("text\n#endregion\n#if DEBUG")]
    [InlineData("nul\u0000bell\u0007")]
    [InlineData("lone \ud800 surrogate")]
    public void Every_line_of_the_summary_is_a_doc_comment_line(string description)
    {
        var writer = new SourceWriter();
        XmlDoc.Summary(writer, description);
        var lines = writer.ToString().TrimEnd('\n').Split('\n');

        Assert.All(lines, line => Assert.StartsWith("///", line, System.StringComparison.Ordinal));
        var text = string.Concat(lines);
        Assert.DoesNotContain("\r", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("\u2028", text, System.StringComparison.Ordinal);
        Assert.DoesNotContain("\u0000", text, System.StringComparison.Ordinal);
        Assert.Equal(1, text.Split("<summary>").Length - 1);
        Assert.Equal(1, text.Split("</summary>").Length - 1);
        var inner = text.Replace("/// <summary>", string.Empty, System.StringComparison.Ordinal).Replace("</summary>", string.Empty, System.StringComparison.Ordinal);
        Assert.DoesNotContain('<', inner);
        Assert.DoesNotContain('>', inner.Replace("&gt;", string.Empty, System.StringComparison.Ordinal));
    }

    [Fact]
    public void Markup_is_escaped_not_dropped()
    {
        Assert.Equal("a &lt;b&gt; &amp; c", XmlDoc.Escape("a <b> & c"));
    }

    [Theory]
    [InlineData("a\u2028b")]
    [InlineData("a\u2029b")]
    [InlineData("a\u0085b")]
    [InlineData("a\rb")]
    [InlineData("a\nb")]
    public void Escaped_text_holds_no_line_terminator_so_it_cannot_end_a_comment_line(string name)
        => Assert.Equal("a b", XmlDoc.Escape(name));

    [Fact]
    public void Blank_descriptions_write_nothing()
    {
        var writer = new SourceWriter();
        XmlDoc.Summary(writer, "  ");
        Assert.Equal(string.Empty, writer.ToString());
    }
}
