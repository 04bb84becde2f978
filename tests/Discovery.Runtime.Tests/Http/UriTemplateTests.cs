using System;
using Xunit;

namespace Discovery.Runtime.Tests.Http;

/// <summary>Path expansion: reserved expansion keeps '/', nothing lets a value leave its path or change it.</summary>
public class UriTemplateTests
{
    [Theory]
    [InlineData("projects/p/topics/t", "projects/p/topics/t")]
    [InlineData("a b", "a%20b")]
    [InlineData("Eng/Archive#2", "Eng/Archive%232")]
    [InlineData("what?x=1", "what%3Fx=1")]
    [InlineData("v1:cancel", "v1:cancel")]
    [InlineData("already%2Fescaped", "already%2Fescaped")]
    public void Reserved_expansion_keeps_slashes_but_never_ends_the_path(string value, string expected)
        => Assert.Equal(expected, UriTemplate.Reserved(value));

    [Theory]
    [InlineData("a/b", "a%2Fb")]
    [InlineData("é", "%C3%A9")]
    [InlineData("x#y?z", "x%23y%3Fz")]
    public void Simple_expansion_escapes_everything_but_unreserved(string value, string expected)
        => Assert.Equal(expected, UriTemplate.Simple(value));

    [Theory]
    [InlineData(".")]
    [InlineData("..")]
    public void Dot_segments_are_refused_because_uris_would_remove_them(string value)
    {
        Assert.Throws<ArgumentException>(() => UriTemplate.Simple(value));
        Assert.Throws<ArgumentException>(() => UriTemplate.Reserved("projects/" + value + "/x"));
        Assert.Throws<ArgumentException>(() => UriTemplate.Reserved("projects/%2E%2E/x"));
    }

    [Fact]
    public void Dots_inside_names_are_fine()
    {
        Assert.Equal("a..b", UriTemplate.Simple("a..b"));
        Assert.Equal("dir/.hidden", UriTemplate.Reserved("dir/.hidden"));
    }
}
