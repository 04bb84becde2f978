using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>Computes and performs retry waits through the service's <see cref="TimeProvider"/>.</summary>
internal static class Backoff
{
    /// <summary>The wait before retry <paramref name="retry"/>: the server's Retry-After when it sent one, else the policy's.</summary>
    public static TimeSpan Delay(RetryPolicy policy, int retry, TimeSpan? retryAfter)
        => retryAfter is { } serverDelay && serverDelay >= TimeSpan.Zero ? serverDelay : policy.GetDelay(retry, Random.Shared.NextDouble());

    /// <summary>Reads Retry-After as delta-seconds or an HTTP date relative to the provider's clock.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider time)
    {
        var header = response.Headers.RetryAfter;
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

    /// <summary>
    /// Waits without blocking on the async path. On the sync path it blocks the calling thread on an event that
    /// a provider timer sets, which keeps fake clocks in control and never parks a thread-pool task.
    /// </summary>
    public static ValueTask WaitAsync(TimeSpan delay, TimeProvider time, bool async, CancellationToken cancellationToken)
    {
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
}
