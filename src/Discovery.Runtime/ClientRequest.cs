using System;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>A request whose method returns no body.</summary>
public abstract class ClientRequest : RequestBase
{
    /// <summary>Creates the request; <paramref name="methodId"/> and <paramref name="pathTemplate"/> name its calls to listeners.</summary>
    protected ClientRequest(ServiceBase service, string httpMethod, string? methodId = null, string? pathTemplate = null)
        : base(service, httpMethod, methodId, pathTemplate)
    {
    }

    /// <summary>Sends the request, retrying per the service's policy; throws <see cref="HttpError"/> on failure.</summary>
    public Task ExecuteAsync(CancellationToken cancellationToken = default) => ExecuteCoreAsync(async: true, cancellationToken).AsTask();

    /// <summary>Synchronous <see cref="ExecuteAsync"/>: blocking I/O on the same pipeline, not a wait on a task.</summary>
    public void Execute() => SyncPath.Complete(ExecuteCoreAsync(async: false, CancellationToken.None));

    private async ValueTask ExecuteCoreAsync(bool async, CancellationToken cancellationToken)
    {
        using var call = StartCall(upload: false);
        try
        {
            using var response = await SendPlainAsync(async, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (CallTelemetry.Ends(call, e, cancellationToken))
        {
            throw;
        }
    }
}
