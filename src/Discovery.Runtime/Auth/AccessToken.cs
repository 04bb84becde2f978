using System;

namespace Discovery.Runtime.Auth;

/// <summary>
/// A bearer token and when to stop using it: before it expires by five minutes, or by a quarter of its lifetime when
/// that is shorter, so a request never leaves with a token that dies in flight and short-lived tokens are still used.
/// </summary>
internal sealed class AccessToken
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    public AccessToken(string value, DateTimeOffset obtained, TimeSpan lifetime)
    {
        Value = value;
        var margin = lifetime.Ticks / 4 < Margin.Ticks ? TimeSpan.FromTicks(lifetime.Ticks / 4) : Margin;
        RefreshAt = obtained + lifetime - margin;
    }

    public string Value { get; }

    public DateTimeOffset RefreshAt { get; }

    /// <summary>Never printed: a token in a log is a credential in a log.</summary>
    public override string ToString() => "AccessToken(refresh at " + RefreshAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + ")";
}
