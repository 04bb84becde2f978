using System;
using Microsoft.Extensions.Logging;

namespace Discovery.Runtime;

/// <summary>What every call of one service reports alike: its server, the paths its templates are relative to, and its logger.</summary>
internal sealed class ServiceTelemetry
{
    private readonly string _rootPath;
    private readonly string _basePath;

    public ServiceTelemetry(ServiceEndpoint endpoint, ILoggerFactory? loggerFactory)
    {
        ServerAddress = endpoint.RootUri.DnsSafeHost;
        ServerPort = endpoint.RootUri.Port;
        _rootPath = endpoint.RootUri.AbsolutePath;
        _basePath = endpoint.BaseUri.AbsolutePath;
        Logger = loggerFactory?.CreateLogger(DiscoveryTelemetry.LoggerCategory);
    }

    public string ServerAddress { get; }

    public int ServerPort { get; }

    public ILogger? Logger { get; }

    /// <summary>The absolute path template of a method path as the endpoint resolves it (relative to the base, or to the root with a leading '/').</summary>
    public string? UrlTemplate(string? template, bool relativeToRoot) => template is null
        ? null
        : (relativeToRoot || template.StartsWith('/') ? _rootPath : _basePath) + template.TrimStart('/');
}
