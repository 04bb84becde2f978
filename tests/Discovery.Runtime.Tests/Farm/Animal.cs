using System.Text.Json;

namespace Discovery.Runtime.Tests.Farm;

/// <summary>Hand-written stand-in for a generated data class.</summary>
public sealed class Animal
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public long? Size { get; set; }

    public string? Sha256 { get; set; }

    public string? MimeType { get; set; }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (Name is not null)
        {
            writer.WriteString("name", Name);
        }

        writer.WriteEndObject();
    }

    public static Animal ReadJson(ref Utf8JsonReader reader)
    {
        var animal = new Animal();
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("object expected");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            string name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case "id": animal.Id = reader.GetString(); break;
                case "name": animal.Name = reader.TokenType == JsonTokenType.Null ? null : reader.GetString(); break;
                case "size": animal.Size = reader.GetInt64(); break;
                case "sha256": animal.Sha256 = reader.GetString(); break;
                case "mimeType": animal.MimeType = reader.TokenType == JsonTokenType.Null ? null : reader.GetString(); break;
                default: reader.Skip(); break;
            }
        }

        return animal;
    }
}
