using System;

namespace Discovery.Runtime;

/// <summary>Exponential backoff with jitter and a cap, used for plain requests and for every upload step.</summary>
public sealed class RetryPolicy
{
    /// <summary>Six attempts, 1 s doubling to at most 32 s, half of each wait randomised.</summary>
    public static RetryPolicy Default { get; } = new();

    /// <summary>Every request is tried once; a retryable failure surfaces immediately.</summary>
    public static RetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>
    /// Attempts of one step including the first. For uploads the count restarts whenever the server confirms
    /// new bytes, so a long upload over a flaky link is not limited as a whole.
    /// </summary>
    public int MaxAttempts { get; init; } = 6;

    /// <summary>The wait before the first retry.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>No computed wait exceeds this (a server's Retry-After may).</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>Growth factor of the wait from one retry to the next.</summary>
    public double Multiplier { get; init; } = 2.0;

    /// <summary>Fraction (0..1) of each wait that is randomised, so many clients do not retry in lockstep.</summary>
    public double Jitter { get; init; } = 0.5;

    /// <summary>
    /// Whether POST and PATCH requests are retried after failures the server may have acted on (a 500, a reset
    /// connection, a timeout): sending again could create a second resource or send a mail twice. When false
    /// (the default) they are retried only when the server cannot have acted: 408, 429, 503, a 403 with a rate-limit
    /// reason, or a connection that could not be made. Resumable uploads are unaffected: their status query makes
    /// every retry exact.
    /// </summary>
    public bool RetryNonIdempotent { get; init; }

    /// <summary>
    /// The wait before retry number <paramref name="retry"/> (1 = first retry). <paramref name="random"/> is in [0,1);
    /// the result lies in [(1 - Jitter) * d, d] where d is the capped exponential delay.
    /// </summary>
    public TimeSpan GetDelay(int retry, double random)
    {
        if (retry < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(retry), retry, "Retries are numbered from 1.");
        }

        double ms = InitialDelay.TotalMilliseconds * Math.Pow(Math.Max(1.0, Multiplier), retry - 1);
        ms = Math.Min(ms, MaxDelay.TotalMilliseconds);
        double jitter = Math.Clamp(Jitter, 0.0, 1.0);
        ms *= 1.0 - (jitter * Math.Clamp(random, 0.0, 1.0));
        return TimeSpan.FromMilliseconds(Math.Max(0.0, ms));
    }
}
