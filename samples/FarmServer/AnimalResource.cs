using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Farm.Server;

/// <summary>Wire shape of the <c>Animal</c> schema in farm.discovery.json.</summary>
internal sealed class AnimalResource
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public string? Kind { get; set; }

    // int64 travels as a JSON string in Google APIs; numbers are accepted too, as Google's servers do.
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long? WeightGrams { get; set; }

    public string? Born { get; set; }

    public List<string>? Tags { get; set; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long? PictureSize { get; set; }

    public string? PictureContentType { get; set; }

    public string? PictureSha256 { get; set; }

    public string? Crc32c { get; set; }

    public string? Md5Hash { get; set; }

    public Dictionary<string, string>? Labels { get; set; }
}
