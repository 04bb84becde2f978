using System;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime.Auth;

/// <summary>
/// One credential's current token and its single-flight refresh: the first caller that finds the token due fetches,
/// every concurrent caller waits for that same fetch. A caller that cancels stops waiting; if it was the one fetching,
/// the next waiter takes over rather than inheriting a cancellation it did not ask for.
/// </summary>
internal sealed class TokenCache
{
    private readonly object _gate = new();
    private AccessToken? _token;
    private TaskCompletionSource<AccessToken>? _refresh;

    public async ValueTask<string> GetAsync(GoogleCredential credential, TokenTransport transport, bool async, CancellationToken cancellationToken)
    {
        while (true)
        {
            TaskCompletionSource<AccessToken> refresh;
            bool leader = false;
            lock (_gate)
            {
                if (_token is { } current && TimeProvider.System.GetUtcNow() < current.RefreshAt)
                {
                    return current.Value;
                }

                if (_refresh is null)
                {
                    _refresh = new TaskCompletionSource<AccessToken>(TaskCreationOptions.RunContinuationsAsynchronously);
                    leader = true;
                }

                refresh = _refresh;
            }

            if (leader)
            {
                return (await LeadAsync(credential, transport, refresh, async, cancellationToken).ConfigureAwait(false)).Value;
            }

            try
            {
                var token = async ? await WaitAsync(refresh.Task, cancellationToken).ConfigureAwait(false) : Wait(refresh.Task, cancellationToken);
                return token.Value;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && refresh.Task.IsCanceled)
            {
                // The fetching caller was cancelled, not this one: fetch again.
            }
        }
    }

    /// <summary>Forgets <paramref name="rejected"/> if it is still the current token; a newer one stays.</summary>
    public void Forget(string rejected)
    {
        lock (_gate)
        {
            if (_token is not null && string.Equals(_token.Value, rejected, StringComparison.Ordinal))
            {
                _token = null;
            }
        }
    }

    private async ValueTask<AccessToken> LeadAsync(GoogleCredential credential, TokenTransport transport, TaskCompletionSource<AccessToken> refresh, bool async, CancellationToken cancellationToken)
    {
        AccessToken token;
        try
        {
            token = await credential.FetchTokenAsync(transport, async, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            lock (_gate)
            {
                _refresh = null;
            }

            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                refresh.TrySetCanceled();
            }
            else
            {
                refresh.TrySetException(e);
            }

            throw;
        }

        lock (_gate)
        {
            _token = token;
            _refresh = null;
        }

        refresh.TrySetResult(token);
        return token;
    }

    private static async Task<AccessToken> WaitAsync(Task<AccessToken> task, CancellationToken cancellationToken)
    {
#if NETSTANDARD2_0
        if (!task.IsCompleted && cancellationToken.CanBeCanceled)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(static s => ((TaskCompletionSource<bool>)s!).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
        }

        return await task.ConfigureAwait(false);
#else
        return await task.WaitAsync(cancellationToken).ConfigureAwait(false);
#endif
    }

    /// <summary>
    /// The synchronous Execute path waits for another caller's fetch: a blocking wait on a task another thread
    /// completes (the documented exception to "no sync-over-async", as for a slow AccessTokenProvider).
    /// </summary>
    private static AccessToken Wait(Task<AccessToken> task, CancellationToken cancellationToken)
    {
        try
        {
            task.Wait(cancellationToken);
        }
        catch (AggregateException)
        {
            // Rethrown unwrapped below.
        }

        return task.GetAwaiter().GetResult();
    }
}
