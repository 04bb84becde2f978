using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Runtime.Auth;
using Discovery.Runtime.Tests.Auth;
using Farm.Server;
using Farm.V1;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace Discovery.Runtime.Tests.Hosting;

/// <summary>The generated service as a typed client of IHttpClientFactory in a Generic Host, as README.md shows it.</summary>
public sealed class GenericHostTests
{
    [Fact]
    public async Task A_typed_client_takes_its_options_from_the_container_and_sends_through_the_factory_handlers()
    {
        await using var server = await FarmServer.StartAsync();
        server.Auth.RequireTokens = true;
        using var key = new ServiceAccountKey(server);
        string id = server.AddAnimal("Babe");
        var seen = new Counter();

        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(new ServiceOptions
        {
            RootUri = server.RootUri,
            Credential = GoogleCredential.FromJson(key.Json).CreateScoped(FarmService.Scopes.Farm),
        });
        builder.Services.AddTransient(_ => new CountingHandler(seen));
        builder.Services.AddHttpClient<FarmService>().AddHttpMessageHandler<CountingHandler>();
        using var host = builder.Build();

        var farm = host.Services.GetRequiredService<FarmService>();
        var animal = await farm.Animals.Get(id).ExecuteAsync();

        Assert.Equal("Babe", animal.Name);
        Assert.Equal(server.RootUri, farm.RootUri);

        // The token request and the API call both went through the factory's handler chain.
        Assert.Equal(new[] { "/token", "/farm/v1/animals/" + id }, seen.Paths.ToArray());
        Assert.NotSame(farm, host.Services.GetRequiredService<FarmService>());
    }

    [Fact]
    public async Task Options_bound_from_configuration_per_service_set_root_and_retry()
    {
        await using var server = await FarmServer.StartAsync();
        server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 503 }, new ScriptedFault { Status = 503 });
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Farm:RootUri"] = server.RootUri.AbsoluteUri,
            ["Farm:ApplicationName"] = "HostTest/1.0",
            ["Farm:Retry:MaxAttempts"] = "2",
            ["Farm:Retry:InitialDelay"] = "00:00:00.010",
        });
        builder.Services.Configure<ServiceOptions>("Farm", builder.Configuration.GetSection("Farm"));
        builder.Services.AddHttpClient<FarmService, FarmService>((http, services) => new FarmService(http, services.GetRequiredService<IOptionsMonitor<ServiceOptions>>().Get("Farm")));
        using var host = builder.Build();

        var farm = host.Services.GetRequiredService<FarmService>();
        var error = await Assert.ThrowsAsync<HttpError>(() => farm.Animals.List().ExecuteAsync());

        Assert.Equal(503, (int)error.StatusCode);
        Assert.Equal(2, server.Requests.Of(RequestKind.Json).Count);
        Assert.StartsWith("HostTest/1.0 ", server.Requests.All[0].UserAgent, StringComparison.Ordinal);

        // Binding filled a policy of these options, not the process-wide default every other service starts from.
        Assert.Equal(6, RetryPolicy.Default.MaxAttempts);
    }

    [Fact]
    public async Task With_a_resilience_handler_whose_retries_are_off_only_the_runtime_retries()
    {
        await using var server = await FarmServer.StartAsync();
        server.Script.Enqueue(RequestKind.Json, new ScriptedFault { Status = 503 }, new ScriptedFault { Status = 503 });
        var time = new Infrastructure.RecordingTimeProvider();
        var builder = Host.CreateApplicationBuilder();
        builder.Services.AddSingleton(new ServiceOptions { RootUri = server.RootUri, Retry = Infrastructure.FarmFixture.FastRetry(), TimeProvider = time });
        builder.Services.AddHttpClient<FarmService>().AddStandardResilienceHandler(o =>
        {
            // README's settings: the runtime retries, and the handler's timeouts leave room for long uploads.
            o.Retry.ShouldHandle = _ => ValueTask.FromResult(false);
            o.AttemptTimeout.Timeout = o.TotalRequestTimeout.Timeout = TimeSpan.FromHours(1);
            o.CircuitBreaker.SamplingDuration = TimeSpan.FromHours(2);
        });
        using var host = builder.Build();

        await host.Services.GetRequiredService<FarmService>().Animals.List().ExecuteAsync();

        // Two 503s and a success: three attempts, each sent once, and the two waits were the runtime's.
        Assert.Equal(new[] { 503, 503, 200 }, server.Requests.Of(RequestKind.Json).Select(r => r.Status).ToArray());
        Assert.Equal(2, time.Delays.Count);
    }

    [Fact]
    public async Task Without_a_host_the_service_still_works_on_its_own_client()
    {
        await using var server = await FarmServer.StartAsync();
        using var farm = new FarmService(new ServiceOptions { RootUri = server.RootUri });

        await farm.Animals.List().ExecuteAsync();

        Assert.Single(server.Requests.All);
    }

    private sealed class Counter
    {
        public List<string> Paths { get; } = new();
    }

    private sealed class CountingHandler(Counter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (counter.Paths)
            {
                counter.Paths.Add(request.RequestUri!.AbsolutePath);
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
