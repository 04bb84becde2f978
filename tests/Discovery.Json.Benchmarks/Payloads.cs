using System;
using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Discovery.Json.Benchmarks;

/// <summary>
/// The bodies the server answers with: Cloud Storage objects as <c>projection=full</c> returns them (owner,
/// two ACL entries, custom metadata), about 2 KB each, so a page of 1000 is about 2 MB as in issue 7.
/// </summary>
internal static class Payloads
{
    public const string Bucket = "bench-bucket";

    public static byte[] Page(int objects)
    {
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("kind", "storage#objects");
            writer.WriteString("nextPageToken", "CiRwYWdlLXRva2VuLWZvci10aGUtbmV4dC1wYWdlLW9mLW9iamVjdHM=");
            writer.WriteStartArray("items");
            for (int i = 0; i < objects; i++)
            {
                WriteObject(writer, i);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    public static byte[] Object(int index) => Write(writer => WriteObject(writer, index));

    private static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteObject(Utf8JsonWriter w, int i)
    {
        string n = i.ToString("D6", CultureInfo.InvariantCulture);
        string name = "logs/2024/03/01/service-" + n + ".json.gz";
        string escaped = Uri.EscapeDataString(name);
        string generation = (1709251200000000L + i).ToString(CultureInfo.InvariantCulture);
        w.WriteStartObject();
        w.WriteString("kind", "storage#object");
        w.WriteString("id", Bucket + "/" + name + "/" + generation);
        w.WriteString("selfLink", "https://www.googleapis.com/storage/v1/b/" + Bucket + "/o/" + escaped);
        w.WriteString("mediaLink", "https://storage.googleapis.com/download/storage/v1/b/" + Bucket + "/o/" + escaped + "?generation=" + generation + "&alt=media");
        w.WriteString("name", name);
        w.WriteString("bucket", Bucket);
        w.WriteString("generation", generation);
        w.WriteString("metageneration", "1");
        w.WriteString("contentType", "application/json");
        w.WriteString("contentEncoding", "gzip");
        w.WriteString("storageClass", "STANDARD");
        w.WriteString("size", (10_000 + (i * 37)).ToString(CultureInfo.InvariantCulture));
        w.WriteString("md5Hash", "1B2M2Y8AsgTpgAmY7PhCfg==");
        w.WriteString("crc32c", "AAAAAA==");
        w.WriteString("etag", "CIDg7dPn/YQDEAE=");
        w.WriteString("timeCreated", "2024-03-01T00:00:00.123Z");
        w.WriteString("updated", "2024-03-01T00:00:00.123Z");
        w.WriteString("timeStorageClassUpdated", "2024-03-01T00:00:00.123Z");
        w.WriteStartObject("metadata");
        w.WriteString("source", "ingest-" + n);
        w.WriteString("pipeline", "nightly");
        w.WriteString("checksum-verified", "true");
        w.WriteEndObject();
        w.WriteStartObject("owner");
        w.WriteString("entity", "user-service-account@example.iam.gserviceaccount.com");
        w.WriteEndObject();
        w.WriteStartArray("acl");
        WriteAcl(w, name, escaped, generation, "project-owners-123456789012", "OWNER", "owners");
        WriteAcl(w, name, escaped, generation, "project-viewers-123456789012", "READER", "viewers");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteAcl(Utf8JsonWriter w, string name, string escaped, string generation, string entity, string role, string team)
    {
        w.WriteStartObject();
        w.WriteString("kind", "storage#objectAccessControl");
        w.WriteString("id", Bucket + "/" + name + "/" + generation + "/" + entity);
        w.WriteString("selfLink", "https://www.googleapis.com/storage/v1/b/" + Bucket + "/o/" + escaped + "/acl/" + entity);
        w.WriteString("bucket", Bucket);
        w.WriteString("object", name);
        w.WriteString("generation", generation);
        w.WriteString("entity", entity);
        w.WriteString("role", role);
        w.WriteStartObject("projectTeam");
        w.WriteString("projectNumber", "123456789012");
        w.WriteString("team", team);
        w.WriteEndObject();
        w.WriteString("etag", "CIDg7dPn/YQDEAE=");
        w.WriteEndObject();
    }
}
