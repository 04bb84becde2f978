using Discovery.Generator.Common;
using Discovery.Generator.Model;
using Discovery.Generator.Naming;

namespace Discovery.Generator.Emit;

/// <summary>Schema classes with their generated JSON reader and writer.</summary>
internal static class SchemaEmitter
{
    public static string Emit(EquatableArray<SchemaModel> schemas, FileContext context)
    {
        var writer = new SourceWriter(16384);
        CSharp.Header(writer, context);
        writer.Open("namespace " + context.Namespace + ".Data");
        var first = true;
        foreach (var schema in schemas)
        {
            if (!first)
            {
                writer.Line();
            }

            first = false;
            EmitClass(writer, schema);
        }

        writer.Close();
        return writer.ToString();
    }

    public static void EmitClass(SourceWriter writer, SchemaModel schema)
    {
        XmlDoc.Summary(writer, schema.Description);
        CSharp.Obsolete(writer, schema.Deprecated);
        writer.Open("public sealed partial class " + schema.Type.Name + " : " + KnownTypes.ApiObject);
        foreach (var property in schema.Properties)
        {
            XmlDoc.Summary(writer, property.Description);
            if (property.ReadOnly && property.Description?.IndexOf("output only", System.StringComparison.OrdinalIgnoreCase) is null or < 0)
            {
                XmlDoc.Remarks(writer, "Output only.");
            }

            CSharp.Obsolete(writer, property.Deprecated);
            writer.Line("public " + CSharp.NullableType(property.Type) + " " + property.PropertyName + " { get; set; }");
            writer.Line();
        }

        EmitReader(writer, schema);
        EmitWriter(writer, schema);
        foreach (var property in schema.Properties)
        {
            if (property.Enum is { } values)
            {
                writer.Line();
                EmitEnum(writer, values, property.WireName);
            }
        }

        foreach (var nested in schema.Nested)
        {
            writer.Line();
            EmitClass(writer, nested);
        }

        writer.Close();
    }

    /// <summary>
    /// ReadJson switches on each declared property's position in the schema's name table, which the runtime base
    /// matches on the name's UTF-8 bytes, so a known name never becomes a string; the base keeps unknown ones.
    /// </summary>
    private static void EmitReader(SourceWriter writer, SchemaModel schema)
    {
        var properties = schema.Properties;
        var type = schema.Type.QualifiedName;
        var header = "public static " + type + " " + MemberNames.ReadJson + "(ref " + KnownTypes.Utf8JsonReader + " reader)";
        if (properties.Count == 0)
        {
            writer.Line(header + " => " + MemberNames.ReadUndeclared + "(ref reader, new " + type + "());");
            return;
        }

        var names = new System.Text.StringBuilder();
        foreach (var property in properties)
        {
            names.Append(names.Length == 0 ? string.Empty : ", ").Append(CSharp.Literal(property.WireName));
        }

        writer.Line("private static readonly " + CSharp.Names + " " + MemberNames.JsonNames + " = new(" + names + ");");
        writer.Line();

        // The switch stays in the loop: a virtual call per property instead cost a tenth of the parse time.
        writer.Open(header);
        writer.Line(CSharp.Json + ".BeginObject(ref reader);");
        writer.Line("var value = new " + type + "();");
        writer.Open("while (value." + MemberNames.NextProperty + "(ref reader, " + MemberNames.JsonNames + ", out var index))");
        writer.Open("switch (index)");
        var position = 0;
        foreach (var property in properties)
        {
            writer.Line("case " + position.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": value." + property.PropertyName + " = " + CSharp.ReadProperty(property.Type) + "; break;");
            position++;
        }

        writer.Close();
        writer.Close();
        writer.Line("return value;");
        writer.Close();
    }

    private static void EmitWriter(SourceWriter writer, SchemaModel schema)
    {
        if (schema.Properties.Count == 0)
        {
            return;
        }

        writer.Line();
        writer.Open("protected override void " + MemberNames.WriteProperties + "(" + KnownTypes.Utf8JsonWriter + " writer)");
        foreach (var property in schema.Properties)
        {
            writer.Line(CSharp.WriteProperty(property.Type, property.WireName, property.PropertyName));
        }

        writer.Close();
    }

    public static void EmitEnum(SourceWriter writer, EnumModel values, string wireName)
    {
        writer.Line("/// <summary>Known values of <c>" + XmlDoc.Escape(wireName) + "</c>; others round-trip unchanged.</summary>");
        writer.Open("public static class " + values.ClassName);
        foreach (var value in values.Values)
        {
            XmlDoc.Summary(writer, value.Description);
            CSharp.Obsolete(writer, value.Deprecated);
            writer.Line("public const string " + value.Name + " = " + CSharp.Literal(value.Value) + ";");
        }

        writer.Close();
    }
}
