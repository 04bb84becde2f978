using System;
using Xunit;

namespace Discovery.Runtime.Tests.Http;

/// <summary>Where requests go: the endpoint a service hands its requests, fixed at construction.</summary>
public sealed class ServiceEndpointTests
{
    private static readonly ServiceEndpoint Endpoint = new(new Uri("https://api.example.com/root"), "/farm/v1", "K");

    [Fact]
    public void Paths_resolve_under_the_base_or_with_a_leading_slash_under_the_root()
    {
        Assert.Equal("https://api.example.com/root/farm/v1/files:copy?key=K", Endpoint.Resolve("files:copy", relativeToRoot: false, new QueryBuilder()).ToString());
        Assert.Equal("https://api.example.com/root/upload/farm/v1/animals?key=K", Endpoint.Resolve("/upload/farm/v1/animals", relativeToRoot: false, new QueryBuilder()).ToString());
        Assert.Equal("https://api.example.com/root/x?key=K", Endpoint.Resolve("x", relativeToRoot: true, new QueryBuilder()).ToString());
    }

    [Fact]
    public void A_key_the_request_set_wins_over_the_services()
    {
        var query = new QueryBuilder();
        query.Add("key", "mine");

        Assert.Equal("https://api.example.com/root/farm/v1/a?key=mine", Endpoint.Resolve("a", relativeToRoot: false, query).ToString());
    }
}
