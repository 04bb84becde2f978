using System;
using System.Globalization;

namespace Discovery.Runtime.Json;

/// <summary>
/// An RFC 3339 timestamp (formats <c>google-datetime</c> and <c>date-time</c>). The wire text is kept as
/// it came, because Google sends nanoseconds and <see cref="DateTimeOffset"/> holds only 100 ns ticks: a
/// value read and written back is unchanged to the digit.
/// </summary>
public readonly struct GoogleDateTime : IEquatable<GoogleDateTime>
{
    /// <summary>Wraps wire text as it is.</summary>
    public GoogleDateTime(string raw) => Raw = raw ?? throw new ArgumentNullException(nameof(raw));

    /// <summary>The text as sent or received.</summary>
    public string Raw { get; }

    /// <summary>The timestamp, rounded down to 100 ns.</summary>
    public DateTimeOffset ToDateTimeOffset()
    {
        var text = Raw;
        var dot = text.IndexOf('.');
        if (dot >= 0)
        {
            // DateTimeOffset parses at most 7 fractional digits; Google may send 9.
            var end = dot + 1;
            while (end < text.Length && char.IsDigit(text[end]))
            {
                end++;
            }

            if (end - dot - 1 > 7)
            {
                text = string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end));
            }
        }

        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    /// <summary>Formats a timestamp as UTC RFC 3339 with the precision it has.</summary>
    public static GoogleDateTime FromDateTimeOffset(DateTimeOffset value) =>
        new(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));

    /// <summary>Converts a timestamp to its wire form.</summary>
    public static implicit operator GoogleDateTime(DateTimeOffset value) => FromDateTimeOffset(value);

    /// <inheritdoc/>
    public bool Equals(GoogleDateTime other) => string.Equals(Raw, other.Raw, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is GoogleDateTime other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Raw is null ? 0 : StringComparer.Ordinal.GetHashCode(Raw);

    /// <summary>The wire text.</summary>
    public override string ToString() => Raw ?? string.Empty;

    /// <summary>Compares wire texts.</summary>
    public static bool operator ==(GoogleDateTime left, GoogleDateTime right) => left.Equals(right);

    /// <summary>Compares wire texts.</summary>
    public static bool operator !=(GoogleDateTime left, GoogleDateTime right) => !left.Equals(right);
}
