using System.Collections.Generic;

namespace Farm.Server;

/// <summary>Wire shape of the <c>AnimalList</c> schema in farm.discovery.json.</summary>
internal sealed class AnimalListResource
{
    public string Kind { get; set; } = "farm#animalList";

    public string? NextPageToken { get; set; }

    // Left null rather than empty on an empty page: Google omits empty arrays, and clients must cope.
    public List<AnimalResource>? Items { get; set; }
}
