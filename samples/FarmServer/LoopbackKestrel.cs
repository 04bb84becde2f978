using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Farm.Server;

/// <summary>
/// Starts a minimal Kestrel app on 127.0.0.1 with a free port: the start-up every loopback server of this repository
/// shares (the Farm server, and the benchmarks' sink, which must stay a bare measuring instrument).
/// </summary>
public static class LoopbackKestrel
{
    /// <summary>Builds the app, lets <paramref name="configure"/> add middleware and routes, starts it, and returns it with its root URI.</summary>
    public static async Task<(WebApplication App, Uri RootUri)> StartAsync(Action<WebApplication> configure, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configure);
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);

            // Upload limits are the servers' own business (Google-style errors); a slow client is never cut off.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Limits.MinRequestBodyDataRate = null;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        WebApplication app = builder.Build();
        try
        {
            configure(app);
            await app.StartAsync(cancellationToken);
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.Single()
                ?? throw new InvalidOperationException("Kestrel did not report its listening address.");
            return (app, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }
}
