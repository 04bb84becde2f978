using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Farm;
using Discovery.Runtime.Tests.Infrastructure;
using Xunit;

namespace Discovery.Runtime.Tests.Upload;

/// <summary>Faults found in review: each must leave the user with a usable request and the right bytes.</summary>
public sealed class ReviewRegressionTests
{
    private const int C = TestData.Chunk;

    [Fact]
    public async Task An_unexpected_exception_mid_upload_leaves_the_request_resumable()
    {
        int calls = 0;
        bool broken = true;
        await using var f = await FarmFixture.StartAsync(token: _ =>
        {
            // The token endpoint blips while the second chunk is being sent.
            if (Interlocked.Increment(ref calls) == 3 && broken)
            {
                throw new InvalidOperationException("token endpoint unavailable");
            }

            return new ValueTask<string?>("t");
        });
        using var media = new Media();
        var data = TestData.Bytes((3 * C) + 7, 31);
        var request = f.Farm.Animals.Insert(new Animal(), media.Create(MediaKind.File, data, true));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => request.ExecuteAsync());
        Assert.Equal("token endpoint unavailable", error.Message);
        broken = false;
        var result = await request.ExecuteAsync();

        Assert.Equal(TestData.Sha(data), result.Sha256);
        Assert.Contains("query", f.Server.Requests.Select(r => r.Kind));
    }

    [Fact]
    public async Task A_second_401_later_in_the_same_upload_is_refreshed_too()
    {
        int tokens = 0;
        await using var f = await FarmFixture.StartAsync(token: _ => new ValueTask<string?>("t" + Interlocked.Increment(ref tokens)));
        using var media = new Media();
        var data = TestData.Bytes(4 * C, 37);
        int chunk = 0;
        f.Server.ChunkFaultSource = () => Interlocked.Increment(ref chunk) is 1 or 3 ? new Fault { Status = 401 } : null;

        var result = await f.Farm.Animals.Insert(new Animal(), media.Create(MediaKind.File, data, true)).ExecuteAsync();

        Assert.Equal(TestData.Sha(data), result.Sha256);
    }

    [Fact]
    public async Task A_media_source_that_ends_early_fails_at_once_with_an_upload_error()
    {
        await using var f = await FarmFixture.StartAsync();

        var error = await Assert.ThrowsAsync<UploadException>(() => f.Farm.Animals.Insert(new Animal(), new ShortMedia(declared: 1000, actual: 500)).ExecuteAsync());

        Assert.Contains("ended after 500 bytes", error.Message, StringComparison.Ordinal);
        Assert.Empty(f.Time.Delays);
    }

    [Fact]
    public async Task An_http_session_uri_for_an_https_api_receives_no_media()
    {
        var handler = new ScriptedHandler(request => request.Method == HttpMethod.Post
            ? new HttpResponseMessage(HttpStatusCode.OK) { Headers = { Location = new Uri("http://api.example.com/upload?upload_id=x") } }
            : new HttpResponseMessage(HttpStatusCode.OK));
        using var client = new HttpClient(handler);
        using var farm = new FarmService(new ServiceOptions { RootUri = new Uri("https://api.example.com/"), Retry = RetryPolicy.None }, client);

        var error = await Assert.ThrowsAsync<UploadException>(() => farm.Animals.Insert(new Animal(), new MediaInMemoryUpload(new byte[10], resumable: true)).ExecuteAsync());

        Assert.Contains("clear text", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(handler.Seen, r => r.Method == HttpMethod.Put);
    }

    [Fact]
    public async Task An_empty_success_body_reads_as_no_value_instead_of_failing()
    {
        var handler = new ScriptedHandler(_ => new HttpResponseMessage(HttpStatusCode.NoContent));
        using var client = new HttpClient(handler);
        using var farm = new FarmService(new ServiceOptions { RootUri = new Uri("https://api.example.com/"), Retry = RetryPolicy.None }, client);

        var animal = await farm.Animals.Get("a").ExecuteAsync();

        Assert.Null(animal);
        Assert.Contains("alt=json", Assert.Single(handler.Seen).RequestUri!.Query, StringComparison.Ordinal);
    }

    /// <summary>Claims more bytes than it has, as a file truncated during the upload would.</summary>
    private sealed class ShortMedia(long declared, int actual) : MediaUpload("application/octet-stream", DefaultChunkSize, resumable: false)
    {
        public override long? Length => declared;

        public override bool CanReadAt => true;

        public override ValueTask<int> ReadAsync(long position, Memory<byte> buffer, CancellationToken cancellationToken)
            => new(Read(position, buffer.Span));

        public override int Read(long position, Span<byte> buffer)
        {
            int n = (int)Math.Max(0, Math.Min(buffer.Length, actual - position));
            buffer[..n].Clear();
            return n;
        }
    }

    private sealed class ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public System.Collections.Concurrent.ConcurrentBag<HttpRequestMessage> Seen { get; } = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Seen.Add(request);
            return Task.FromResult(answer(request));
        }
    }
}
