using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// One call of a batch: what it sends, the Content-ID its answer must carry, its own count of failed attempts, and
/// the task the caller holds. Each call's outcome is set once; a call that succeeded is never sent again.
/// </summary>
internal abstract class BatchCall
{
    protected BatchCall(RequestDescription description, string contentId, Retrier retrier)
    {
        Description = description;
        ContentId = contentId;
        Retrier = retrier;
    }

    public RequestDescription Description { get; }

    public HttpMethod Method => Description.Method;

    /// <summary>The id without angle brackets; the part carries <c>&lt;id&gt;</c> and its answer <c>response-id</c>.</summary>
    public string ContentId { get; }

    public Retrier Retrier { get; }

    /// <summary>A 401 is retried once, after the credentials were refreshed; a second 401 is the answer.</summary>
    public bool CredentialsRefreshed { get; set; }

    /// <summary>Whether the next attempt owes a backoff wait (a retry after a 401 does not).</summary>
    public bool WantsBackoff { get; set; }

    /// <summary>Why the call goes again: the reason its round's wait reports.</summary>
    public Exception? LastFailure { get; set; }

    public abstract Task Task { get; }

    public bool IsComplete => Task.IsCompleted;

    /// <summary>Completes the call with its answer's body, read as executing it alone would read it.</summary>
    public abstract void Succeed(ReadOnlyMemory<byte> body);

    public abstract void Fail(Exception error);

    public abstract void Cancel(CancellationToken cancellationToken);
}

/// <summary>A call whose task carries <typeparamref name="TResponse"/>.</summary>
internal sealed class BatchCall<TResponse> : BatchCall
{
    private readonly TaskCompletionSource<TResponse> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Func<ReadOnlyMemory<byte>, TResponse> _read;

    public BatchCall(RequestDescription description, string contentId, Retrier retrier, Func<ReadOnlyMemory<byte>, TResponse> read)
        : base(description, contentId, retrier)
    {
        _read = read;
    }

    public override Task Task => _outcome.Task;

    public Task<TResponse> Outcome => _outcome.Task;

    public override void Succeed(ReadOnlyMemory<byte> body)
    {
        TResponse response;
        try
        {
            response = _read(body);
        }
#pragma warning disable CA1031 // Whatever reading the body throws alone is this call's failure, not the batch's.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _outcome.TrySetException(e);
            return;
        }

        _outcome.TrySetResult(response);
    }

    public override void Fail(Exception error) => _outcome.TrySetException(error);

    public override void Cancel(CancellationToken cancellationToken) => _outcome.TrySetCanceled(cancellationToken);
}
