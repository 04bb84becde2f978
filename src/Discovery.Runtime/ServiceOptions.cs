using System;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>Per-service settings shared by every request the service creates; the service copies them when it is built.</summary>
public sealed class ServiceOptions
{
    /// <summary>Replaces the discovery document's rootUrl, e.g. to point a client at a local server.</summary>
    public Uri? RootUri { get; set; }

    /// <summary>Sent as the <c>key</c> query parameter unless the request already set one.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How failed requests and upload chunks are retried; <see cref="RetryPolicy.Default"/>'s settings unless set. A new
    /// instance per options object, so that binding configuration into it (a Generic Host's options) cannot change the
    /// process-wide default.
    /// </summary>
    public RetryPolicy Retry { get; set; } = new();

    /// <summary>The clock every backoff wait goes through, so tests can replace it.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Supplies a Bearer token per request. The token is only attached to requests for the service's own host
    /// over a scheme at least as secure as the root URI's, never to a foreign upload session host.
    /// </summary>
    public Func<CancellationToken, ValueTask<string?>>? AccessTokenProvider { get; set; }

    /// <summary>
    /// Google credentials whose tokens are sent like <see cref="AccessTokenProvider"/>'s (only to the service's own
    /// host), cached, refreshed before they expire and replaced once when the API answers 401. Set this or
    /// <see cref="AccessTokenProvider"/>, not both.
    /// </summary>
    public Auth.GoogleCredential? Credential { get; set; }

    /// <summary>Prefixed to the User-Agent header.</summary>
    public string? ApplicationName { get; set; }

    /// <summary>Bytes requested per ranged GET of a media download; bounds what one fault can cost.</summary>
    public int DownloadChunkSize { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// How long one attempt may wait for the response's headers before it counts as timed out (and is retried
    /// like any transient failure). An attempt that sends media gets one more second per 64 KiB it sends, so a
    /// large chunk or file on a slow link is not cut off while it is still moving. Infinite disables it.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Where retries, upload recoveries and failed calls are logged (category <see cref="DiscoveryTelemetry.LoggerCategory"/>);
    /// null, the default, logs nothing. Messages name the method and its path template, never a URI, id, key or token.
    /// </summary>
    public Microsoft.Extensions.Logging.ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// The checksums every media upload sends (<c>X-Goog-Hash</c> on the request that completes it) and checks
    /// against the stored object, and every media download checks against the server's <c>X-Goog-Hash</c>.
    /// CRC32C by default; add <see cref="MediaChecksum.Md5"/> for MD5 too, or set <see cref="MediaChecksum.None"/>
    /// for a server that refuses the header. A request's own <see cref="RequestBase.Checksum"/> overrides it.
    /// </summary>
    public MediaChecksum Checksum { get; set; } = MediaChecksum.Crc32C;
}
