using System.Globalization;
using System.Text;

namespace Discovery.Generator.Tests;

/// <summary>
/// A deterministic discovery document of any size: resources with list/get/insert methods, schemas with
/// every wire type, enums, nested objects and long descriptions. Used for scale tests and benchmarks.
/// </summary>
internal static class SyntheticDocument
{
    public static string Build(int resources, int schemas, int descriptionLength = 400)
    {
        var description = Description(descriptionLength);
        var json = new StringBuilder();
        json.Append("{\"kind\":\"discovery#restDescription\",\"name\":\"synthetic\",\"version\":\"v1\",\"rootUrl\":\"https://synthetic.example.com/\",\"servicePath\":\"synthetic/v1/\",");
        json.Append("\"parameters\":{\"fields\":{\"type\":\"string\",\"location\":\"query\"},\"key\":{\"type\":\"string\",\"location\":\"query\"}},");
        json.Append("\"schemas\":{");
        for (var s = 0; s < schemas; s++)
        {
            if (s > 0)
            {
                json.Append(',');
            }

            var next = Name("Schema", (s + 1) % schemas);
            json.Append('"').Append(Name("Schema", s)).Append("\":{\"id\":\"").Append(Name("Schema", s)).Append("\",\"type\":\"object\",\"description\":\"").Append(description).Append("\",\"properties\":{");
            json.Append("\"name\":{\"type\":\"string\",\"description\":\"").Append(description).Append("\"},");
            json.Append("\"size\":{\"type\":\"string\",\"format\":\"int64\",\"description\":\"").Append(description).Append("\"},");
            json.Append("\"count\":{\"type\":\"integer\",\"format\":\"int32\"},\"ratio\":{\"type\":\"number\",\"format\":\"double\"},\"enabled\":{\"type\":\"boolean\"},");
            json.Append("\"created\":{\"type\":\"string\",\"format\":\"google-datetime\"},\"ttl\":{\"type\":\"string\",\"format\":\"google-duration\"},\"data\":{\"type\":\"string\",\"format\":\"byte\"},");
            json.Append("\"state\":{\"type\":\"string\",\"enum\":[\"STATE_UNSPECIFIED\",\"ACTIVE\",\"DELETED\"],\"enumDescriptions\":[\"Unset.\",\"Active.\",\"Deleted.\"]},");
            json.Append("\"labels\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}},\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}},");
            json.Append("\"next\":{\"$ref\":\"").Append(next).Append("\"},\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"").Append(next).Append("\"}},");
            json.Append("\"options\":{\"type\":\"object\",\"properties\":{\"mode\":{\"type\":\"string\"},\"limits\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"max\":{\"type\":\"integer\",\"format\":\"int32\"}}}}}},");
            json.Append("\"metadata\":{\"type\":\"object\",\"additionalProperties\":{\"type\":\"any\"}}}}");
        }

        json.Append("},\"resources\":{");
        for (var r = 0; r < resources; r++)
        {
            if (r > 0)
            {
                json.Append(',');
            }

            var schema = Name("Schema", r % schemas);
            json.Append('"').Append(Name("resource", r)).Append("\":{\"methods\":{");
            json.Append("\"list\":{\"id\":\"synthetic.r").Append(r).Append(".list\",\"httpMethod\":\"GET\",\"path\":\"v1/{+parent}/items\",\"description\":\"").Append(description).Append("\",");
            json.Append("\"parameters\":{\"parent\":{\"type\":\"string\",\"location\":\"path\",\"required\":true,\"description\":\"").Append(description).Append("\"},\"pageToken\":{\"type\":\"string\",\"location\":\"query\"},\"pageSize\":{\"type\":\"integer\",\"format\":\"int32\",\"location\":\"query\"}},\"parameterOrder\":[\"parent\"],\"response\":{\"$ref\":\"ListResponse\"}},");
            json.Append("\"get\":{\"id\":\"synthetic.r").Append(r).Append(".get\",\"httpMethod\":\"GET\",\"path\":\"v1/{+name}\",\"description\":\"").Append(description).Append("\",\"parameters\":{\"name\":{\"type\":\"string\",\"location\":\"path\",\"required\":true}},\"parameterOrder\":[\"name\"],\"response\":{\"$ref\":\"").Append(schema).Append("\"}},");
            json.Append("\"insert\":{\"id\":\"synthetic.r").Append(r).Append(".insert\",\"httpMethod\":\"POST\",\"path\":\"v1/{+parent}/items\",\"description\":\"").Append(description).Append("\",\"parameters\":{\"parent\":{\"type\":\"string\",\"location\":\"path\",\"required\":true},\"validateOnly\":{\"type\":\"boolean\",\"location\":\"query\"}},\"parameterOrder\":[\"parent\"],\"request\":{\"$ref\":\"").Append(schema).Append("\"},\"response\":{\"$ref\":\"").Append(schema).Append("\"},");
            json.Append("\"supportsMediaUpload\":true,\"mediaUpload\":{\"accept\":[\"*/*\"],\"maxSize\":\"1GB\",\"protocols\":{\"simple\":{\"multipart\":true,\"path\":\"/upload/synthetic/v1/{+parent}/items\"},\"resumable\":{\"multipart\":true,\"path\":\"/resumable/upload/synthetic/v1/{+parent}/items\"}}}}");
            json.Append("}}");
        }

        json.Append("}}");

        // ListResponse is appended as one more schema by patching the schemas object's end.
        return json.ToString().Replace("},\"resources\":{", ",\"ListResponse\":{\"id\":\"ListResponse\",\"type\":\"object\",\"properties\":{\"nextPageToken\":{\"type\":\"string\"},\"items\":{\"type\":\"array\",\"items\":{\"$ref\":\"" + Name("Schema", 0) + "\"}}}}},\"resources\":{", System.StringComparison.Ordinal);
    }

    private static string Name(string prefix, int index) => prefix + index.ToString("D5", CultureInfo.InvariantCulture);

    private static string Description(int length)
    {
        const string Words = "Lorem ipsum <b>dolor</b> sit amet, resources/*/items & \\\"quoted\\\" text ";
        var builder = new StringBuilder(length + Words.Length);
        while (builder.Length < length)
        {
            builder.Append(Words);
        }

        return builder.ToString(0, length);
    }
}
