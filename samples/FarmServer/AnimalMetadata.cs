using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Farm.Server;

/// <summary>Validation of client-supplied <c>Animal</c> metadata against farm.discovery.json.</summary>
internal static class AnimalMetadata
{
    public static IReadOnlyList<string> Kinds { get; } = ["COW", "PIG", "SHEEP", "HORSE", "CHICKEN"];

    /// <summary>
    /// Validates writable fields and returns a copy without the read-only ones, which the
    /// server owns and clients may echo back from an earlier response.
    /// </summary>
    public static AnimalResource ToStoredMetadata(AnimalResource? request)
    {
        if (request is null)
        {
            return new AnimalResource();
        }

        if (request.Name is { Length: > 128 })
        {
            throw FarmApiException.Invalid("Invalid value for field 'name': at most 128 characters are allowed.");
        }

        if (request.Kind is not null && !Kinds.Contains(request.Kind, StringComparer.Ordinal))
        {
            throw FarmApiException.Invalid($"Invalid value for field 'kind': \"{request.Kind}\".");
        }

        if (request.WeightGrams is < 0)
        {
            throw FarmApiException.Invalid("Invalid value for field 'weightGrams': must not be negative.");
        }

        if (request.Born is not null && !IsRfc3339(request.Born))
        {
            throw FarmApiException.Invalid($"Invalid value for field 'born': \"{request.Born}\" is not an RFC 3339 timestamp.");
        }

        if (request.Labels is not null && request.Labels.Keys.Any(k => k.Length is 0 or > 63))
        {
            throw FarmApiException.Invalid("Invalid value for field 'labels': keys must have 1 to 63 characters.");
        }

        if (request.Tags is not null && request.Tags.Any(t => t is null))
        {
            throw FarmApiException.Invalid("Invalid value for field 'tags': null entries are not allowed.");
        }

        return new AnimalResource
        {
            Name = request.Name,
            Kind = request.Kind,
            WeightGrams = request.WeightGrams,
            Born = request.Born,
            Tags = request.Tags is null ? null : [.. request.Tags],
            Labels = request.Labels is null ? null : new Dictionary<string, string>(request.Labels, StringComparer.Ordinal),
        };
    }

    private static bool IsRfc3339(string value) =>
        value.Contains('T', StringComparison.Ordinal)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _)
        && (value.EndsWith('Z') || value.EndsWith('z') || HasNumericOffset(value));

    private static bool HasNumericOffset(string value) =>
        value.Length > 6 && (value[^6] is '+' or '-') && value[^3] == ':';
}
