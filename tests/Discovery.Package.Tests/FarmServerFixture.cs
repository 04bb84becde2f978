using System;
using System.Threading.Tasks;
using Farm.Server;
using Xunit;

namespace Discovery.Package.Tests;

/// <summary>The Farm server on 127.0.0.1 for the packed consumers, which get its root URI as their first argument.</summary>
public sealed class FarmServerFixture : IAsyncLifetime
{
    private FarmServer? _server;

    public Uri RootUri => Server.RootUri;

    public FarmServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public async Task InitializeAsync() => _server = await FarmServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
