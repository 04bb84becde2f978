using System;
using System.Globalization;

namespace Discovery.Runtime.Json;

/// <summary>
/// A protobuf duration in its JSON form, seconds with a trailing 's' ("3.5s", "-0.000000001s"). The wire
/// text is kept because it carries nanoseconds that <see cref="TimeSpan"/> cannot hold.
/// </summary>
public readonly struct GoogleDuration : IEquatable<GoogleDuration>
{
    /// <summary>Wraps wire text as it is.</summary>
    public GoogleDuration(string raw) => Raw = raw ?? throw new ArgumentNullException(nameof(raw));

    /// <summary>The text as sent or received.</summary>
    public string Raw { get; }

    /// <summary>The duration, rounded toward zero to 100 ns.</summary>
    public TimeSpan ToTimeSpan()
    {
        var text = Raw;
        if (text.Length < 2 || text[^1] != 's')
        {
            throw new FormatException($"'{text}' is not a duration: it must be seconds followed by 's'.");
        }

        var number = text.AsSpan(0, text.Length - 1);
        var negative = number.Length > 0 && number[0] == '-';
        if (negative)
        {
            number = number[1..];
        }

        var dot = number.IndexOf('.');
        var seconds = long.Parse(dot < 0 ? number : number[..dot], NumberStyles.None, CultureInfo.InvariantCulture);
        long ticks = 0;
        if (dot >= 0)
        {
            var fraction = number[(dot + 1)..];
            for (var i = 0; i < 7; i++)
            {
                ticks = (ticks * 10) + (i < fraction.Length ? fraction[i] - '0' : 0);
            }
        }

        var total = (seconds * TimeSpan.TicksPerSecond) + ticks;
        return TimeSpan.FromTicks(negative ? -total : total);
    }

    /// <summary>Formats a duration as seconds with up to 7 fractional digits.</summary>
    public static GoogleDuration FromTimeSpan(TimeSpan value)
    {
        var ticks = value.Ticks;
        var sign = ticks < 0 ? "-" : string.Empty;
        var magnitude = (ulong)Math.Abs((decimal)ticks);
        var seconds = magnitude / TimeSpan.TicksPerSecond;
        var fraction = magnitude % TimeSpan.TicksPerSecond;
        var whole = sign + seconds.ToString(CultureInfo.InvariantCulture);
        var text = fraction == 0
            ? whole + "s"
            : whole + "." + fraction.ToString("D7", CultureInfo.InvariantCulture).TrimEnd('0') + "s";
        return new GoogleDuration(text);
    }

    /// <summary>Converts a duration to its wire form.</summary>
    public static implicit operator GoogleDuration(TimeSpan value) => FromTimeSpan(value);

    /// <inheritdoc/>
    public bool Equals(GoogleDuration other) => string.Equals(Raw, other.Raw, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GoogleDuration other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Raw is null ? 0 : StringComparer.Ordinal.GetHashCode(Raw);

    /// <summary>The wire text.</summary>
    public override string ToString() => Raw ?? string.Empty;

    /// <summary>Compares wire texts.</summary>
    public static bool operator ==(GoogleDuration left, GoogleDuration right) => left.Equals(right);

    /// <summary>Compares wire texts.</summary>
    public static bool operator !=(GoogleDuration left, GoogleDuration right) => !left.Equals(right);
}
