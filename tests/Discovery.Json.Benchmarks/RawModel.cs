using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Discovery.Json.Benchmarks.Raw;

// Hand-written classes as a user of System.Text.Json would write them for the same wire format: camelCase names,
// int64/uint64 sent as strings, RFC 3339 timestamps as DateTimeOffset.
internal sealed class StorageObjects
{
    public string? Kind { get; set; }

    public string? NextPageToken { get; set; }

    public List<StorageObject>? Items { get; set; }

    public List<string>? Prefixes { get; set; }
}

internal sealed class StorageObject
{
    public string? Kind { get; set; }

    public string? Id { get; set; }

    public string? SelfLink { get; set; }

    public string? MediaLink { get; set; }

    public string? Name { get; set; }

    public string? Bucket { get; set; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long? Generation { get; set; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long? Metageneration { get; set; }

    public string? ContentType { get; set; }

    public string? ContentEncoding { get; set; }

    public string? ContentDisposition { get; set; }

    public string? ContentLanguage { get; set; }

    public string? CacheControl { get; set; }

    public string? StorageClass { get; set; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public ulong? Size { get; set; }

    public string? Md5Hash { get; set; }

    public string? Crc32c { get; set; }

    public string? Etag { get; set; }

    public int? ComponentCount { get; set; }

    public bool? EventBasedHold { get; set; }

    public bool? TemporaryHold { get; set; }

    public string? KmsKeyName { get; set; }

    public DateTimeOffset? TimeCreated { get; set; }

    public DateTimeOffset? Updated { get; set; }

    public DateTimeOffset? TimeDeleted { get; set; }

    public DateTimeOffset? TimeStorageClassUpdated { get; set; }

    public DateTimeOffset? CustomTime { get; set; }

    public DateTimeOffset? RetentionExpirationTime { get; set; }

    public Dictionary<string, string>? Metadata { get; set; }

    public Owner? Owner { get; set; }

    public List<ObjectAccessControl>? Acl { get; set; }
}

internal sealed class Owner
{
    public string? Entity { get; set; }

    public string? EntityId { get; set; }
}

internal sealed class ObjectAccessControl
{
    public string? Kind { get; set; }

    public string? Id { get; set; }

    public string? SelfLink { get; set; }

    public string? Bucket { get; set; }

    public string? Object { get; set; }

    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long? Generation { get; set; }

    public string? Entity { get; set; }

    public string? EntityId { get; set; }

    public string? Role { get; set; }

    public string? Email { get; set; }

    public string? Domain { get; set; }

    public ProjectTeam? ProjectTeam { get; set; }

    public string? Etag { get; set; }
}

internal sealed class ProjectTeam
{
    public string? ProjectNumber { get; set; }

    public string? Team { get; set; }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StorageObjects))]
[JsonSerializable(typeof(StorageObject))]
internal sealed partial class RawContext : JsonSerializerContext
{
}
