using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// The retries of one step (a plain request, an upload step, a download range): decision, attempt count, and a wait
/// of the server's Retry-After or else the policy's delay, always through the service's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class Retrier(RetryPolicy policy, TimeProvider time)
{
    private int _failures;
    private TimeSpan? _retryAfter;

    /// <summary>Retry, Restart or Fatal for a failed attempt, honouring the policy's opt-in for non-idempotent methods.</summary>
    public ErrorClass Decide(Exception failure, HttpMethod method, StepKind kind)
        => ErrorClassifier.Decide(failure, method, kind, policy.RetryNonIdempotent);

    /// <summary>Remembers the answer's Retry-After (or, without an answer, that there is none) for the next wait.</summary>
    public void Heard(HttpResponseMessage? answer) => HeardRetryAfter(answer?.Headers.RetryAfter);

    /// <summary>Remembers a Retry-After read elsewhere (a batch part's embedded answer); null when there is none.</summary>
    public void HeardRetryAfter(RetryConditionHeaderValue? retryAfter) => _retryAfter = RetryAfter(retryAfter);

    /// <summary>Counts a failed attempt; false once the policy's attempts are spent.</summary>
    public bool Failed() => ++_failures < policy.MaxAttempts;

    /// <summary>The step made progress: its next failure starts a new count.</summary>
    public void Reset() => _failures = 0;

    /// <summary>After a failed plain attempt: waits for the next one, or throws (a media source's own error rather than the transport error around it).</summary>
    public ValueTask RetryOrThrowAsync(Exception failure, HttpMethod method, bool canRetry, bool async, CancellationToken cancellationToken, Action<Exception>? givingUp = null)
    {
        if (!canRetry || Decide(failure, method, StepKind.Plain) != ErrorClass.Retry || !Failed())
        {
            var error = UploadException.FindIn(failure) ?? failure;
            givingUp?.Invoke(error);
            ExceptionDispatchInfo.Throw(error);
        }

        return WaitAsync(async, cancellationToken, failure);
    }

    /// <summary>
    /// Waits before the next attempt (after <paramref name="cause"/>, which listeners see as the retry's reason). The sync path blocks on an event that a provider timer sets, which keeps fake
    /// clocks in control and never parks a thread-pool task.
    /// </summary>
    public ValueTask WaitAsync(bool async, CancellationToken cancellationToken, Exception? cause = null) => WaitAsync(TakeDelay(), async, cancellationToken, cause);

    /// <summary>The wait the next attempt is owed: the server's Retry-After, or else the policy's delay for the failures so far.</summary>
    public TimeSpan TakeDelay()
    {
        var delay = _retryAfter is { } serverDelay && serverDelay >= TimeSpan.Zero
            ? serverDelay
            : policy.GetDelay(Math.Max(1, _failures), Random.Shared.NextDouble());
        _retryAfter = null;
        return delay;
    }

    /// <summary>Waits <paramref name="delay"/> on the service's clock (a batch waits once for all the calls it sends again).</summary>
    public ValueTask WaitAsync(TimeSpan delay, bool async, CancellationToken cancellationToken, Exception? cause = null)
    {
        CallTelemetry.Current?.Retrying(cause, _failures, delay);
        if (delay <= TimeSpan.Zero)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return default;
        }

        if (async)
        {
            return new ValueTask(Task.Delay(delay, time, cancellationToken));
        }

        // Deliberately not disposed: a timer callback racing with disposal would otherwise Set a disposed event.
        var signal = new ManualResetEventSlim(false);
        using (time.CreateTimer(static s => ((ManualResetEventSlim)s!).Set(), signal, delay, Timeout.InfiniteTimeSpan))
        {
            signal.Wait(cancellationToken);
        }

        return default;
    }

    /// <summary>Reads Retry-After as delta-seconds or an HTTP date relative to the provider's clock.</summary>
    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }
}
