using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Runtime;
using Wrapped.V2;
using Wrapped.V2.Data;
using Xunit;

namespace Discovery.Client.Tests;

/// <summary>APIs with the "dataWrapper" feature (translate.v2) wrap bodies in {"data": ...} both ways.</summary>
public class DataWrapperTests
{
    [Fact]
    public async Task Request_bodies_are_wrapped_and_responses_unwrapped()
    {
        var handler = new RecordingHandler("{\"data\":{\"translations\":[{\"translatedText\":\"Hallo\"}]}}");
        using var client = new HttpClient(handler);
        using var service = new WrappedService(client, new ServiceOptions { Retry = RetryPolicy.None });

        var response = await service.Translations.Translate(new TranslateRequest { Q = new[] { "Hello" } }).ExecuteAsync();

        Assert.Equal("{\"data\":{\"q\":[\"Hello\"]}}", handler.Body);
        Assert.Equal("Hallo", response.Translations![0].TranslatedText);
    }

    [Fact]
    public async Task A_response_without_the_wrapper_is_read_as_it_is()
    {
        var handler = new RecordingHandler("{\"translations\":[{\"translatedText\":\"Hola\"}]}");
        using var client = new HttpClient(handler);
        using var service = new WrappedService(client, new ServiceOptions { Retry = RetryPolicy.None });

        var response = await service.Translations.Translate(new TranslateRequest()).ExecuteAsync();

        Assert.Equal("Hola", response.Translations![0].TranslatedText);
    }

    private sealed class RecordingHandler(string response) : HttpMessageHandler
    {
        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(response, System.Text.Encoding.UTF8, "application/json") };
        }
    }
}
