using System;
using System.Linq;
using Xunit;

namespace Discovery.Runtime.Tests.Retry;

public sealed class RetryPolicyTests
{
    [Fact]
    public void Delays_grow_exponentially_up_to_the_cap()
    {
        var policy = new RetryPolicy { InitialDelay = TimeSpan.FromSeconds(1), Multiplier = 2, MaxDelay = TimeSpan.FromSeconds(5), Jitter = 0 };

        Assert.Equal(new[] { 1.0, 2.0, 4.0, 5.0, 5.0 }, new[] { 1, 2, 3, 4, 5 }.Select(n => policy.GetDelay(n, 0.7).TotalSeconds));
    }

    [Fact]
    public void Jitter_shortens_a_wait_by_at_most_its_fraction()
    {
        var policy = new RetryPolicy { InitialDelay = TimeSpan.FromSeconds(4), Jitter = 0.5 };

        Assert.Equal(4.0, policy.GetDelay(1, 0.0).TotalSeconds, 6);
        Assert.Equal(2.0, policy.GetDelay(1, 1.0).TotalSeconds, 6);
        Assert.Equal(3.0, policy.GetDelay(1, 0.5).TotalSeconds, 6);
    }

    [Fact]
    public void None_tries_once()
        => Assert.Equal(1, RetryPolicy.None.MaxAttempts);
}
