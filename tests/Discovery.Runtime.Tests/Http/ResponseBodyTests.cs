using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Infrastructure;
using Xunit;

namespace Discovery.Runtime.Tests.Http;

/// <summary>Response bodies are read whole into pooled buffers, whatever Content-Length says or does not say.</summary>
public sealed class ResponseBodyTests
{
    [Theory]
    [InlineData(0, null)]
    [InlineData(1, null)]
    [InlineData(100_000, null)]
    [InlineData(100_000, 100_000L)]
    [InlineData(100_000, 10L)]
    public async Task The_whole_body_arrives_whether_Content_Length_is_right_absent_or_short(int size, long? declared)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)(i * 7)).ToArray();
        using var response = new HttpResponseMessage { Content = new ByteArrayContent(bytes) };
        response.Content.Headers.ContentLength = declared;

        using var body = await ResponseBody.ReadPooledAsync(response, async: true, CancellationToken.None);

        Assert.Equal(bytes, body.Span.ToArray());
    }

    [Fact]
    public async Task A_streamed_list_larger_than_the_first_buffer_reads_whole_on_both_paths_and_later_reads_do_not_change_it()
    {
        // The Farm server streams JSON without Content-Length, so the client's buffer has to grow.
        await using var f = await FarmFixture.StartAsync();
        var names = Enumerable.Range(0, 400).Select(i => "animal-" + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture) + new string('x', 120)).ToArray();
        foreach (var name in names)
        {
            f.Server.AddAnimal(name);
        }

        var list = f.Farm.Animals.List();
        list.MaxResults = 1000;
        var first = await list.ExecuteAsync();
        var second = list.Execute();
        await f.Farm.Animals.Get(first.Items![0].Id!).ExecuteAsync();

        Assert.Equal(names, first.Items!.Select(a => a.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(first.Items.Select(a => (a.Id, a.Name)), second.Items!.Select(a => (a.Id, a.Name)));
    }
}
