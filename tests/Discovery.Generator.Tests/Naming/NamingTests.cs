using Discovery.Generator.Naming;
using Xunit;

namespace Discovery.Generator.Tests.Naming;

/// <summary>The naming rules README.md documents, one example each.</summary>
public class NamingTests
{
    [Theory]
    [InlineData("weightGrams", "WeightGrams")]
    [InlineData("foo-bar", "FooBar")]
    [InlineData("foo.bar", "FooBar")]
    [InlineData("@type", "Type")]
    [InlineData("$.xgafv", "Xgafv")]
    [InlineData("$ref", "Ref")]
    [InlineData("NOT_ACTIVATED", "NotActivated")]
    [InlineData("URL", "Url")]
    [InlineData("HTTPSHealthCheck", "HTTPSHealthCheck")]
    [InlineData("30DAYS", "_30days")]
    [InlineData("2fast", "_2fast")]
    [InlineData("getOpenid-configuration", "GetOpenidConfiguration")]
    [InlineData("options.requestedPolicyVersion", "OptionsRequestedPolicyVersion")]
    [InlineData("v1beta1", "V1beta1")]
    [InlineData("---", "Value")]
    public void Pascal(string wire, string expected) => Assert.Equal(expected, Identifier.Pascal(wire));

    [Theory]
    [InlineData("object", "@object")]
    [InlineData("event", "@event")]
    [InlineData("max-results", "maxResults")]
    [InlineData("Name", "name")]
    [InlineData("30DAYS", "_30days")]
    public void Camel(string wire, string expected) => Assert.Equal(expected, Identifier.Camel(wire));

    [Fact]
    public void A_scope_suffixes_taken_names_in_claim_order()
    {
        var scope = new NameScope(new[] { "Item", "Equals" });

        Assert.Equal("Item2", scope.Claim("Item"));
        Assert.Equal("Equals2", scope.Claim("Equals"));
        Assert.Equal("Name", scope.Claim("Name"));
        Assert.Equal("Name2", scope.Claim("Name"));
        Assert.Equal("Name3", scope.Claim("Name"));
        Assert.Equal("@object", scope.Claim("@object"));
        Assert.Equal("object2", scope.Claim("@object"));
    }

    [Theory]
    [InlineData("Farm.V1", true)]
    [InlineData("_Private.X2", true)]
    [InlineData("1Bad", false)]
    [InlineData("Good.class", false)]
    [InlineData("Has-Dash", false)]
    [InlineData("Trailing.", false)]
    public void Namespaces_are_validated(string name, bool valid) => Assert.Equal(valid, Identifier.IsQualified(name));
}
