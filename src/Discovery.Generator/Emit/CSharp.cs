using System.Globalization;
using System.Text;
using Discovery.Generator.Model;

namespace Discovery.Generator.Emit;

/// <summary>C# spellings of model types, and of the JSON helper calls that read and write them.</summary>
internal static class CSharp
{
    public const string Json = "__J";
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string Runtime = "global::Discovery.Runtime.";

    /// <summary>A string literal that is safe whatever the text holds (quotes, backslashes, line separators).</summary>
    public static string Literal(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    public static string Type(TypeModel type) => type.Kind switch
    {
        TypeKind.String => "string",
        TypeKind.Int32 => "int",
        TypeKind.UInt32 => "uint",
        TypeKind.Int64 => "long",
        TypeKind.UInt64 => "ulong",
        TypeKind.Double => "double",
        TypeKind.Single => "float",
        TypeKind.Boolean => "bool",
        TypeKind.Bytes => "byte[]",
        TypeKind.DateTime => "global::Discovery.Runtime.Json.GoogleDateTime",
        TypeKind.Duration => "global::Discovery.Runtime.Json.GoogleDuration",
        TypeKind.Any => "global::System.Text.Json.JsonElement",
        TypeKind.Object => type.ClassName!,
        TypeKind.List => "global::System.Collections.Generic.IList<" + Type(type.Element!) + ">",
        _ => "global::System.Collections.Generic.IDictionary<string, " + Type(type.Element!) + ">",
    };

    public static string NullableType(TypeModel type) => Type(type) + "?";

    private static string Suffix(TypeKind kind) => kind switch
    {
        TypeKind.String => "String",
        TypeKind.Int32 => "Int32",
        TypeKind.UInt32 => "UInt32",
        TypeKind.Int64 => "Int64",
        TypeKind.UInt64 => "UInt64",
        TypeKind.Double => "Double",
        TypeKind.Single => "Single",
        TypeKind.Boolean => "Boolean",
        TypeKind.Bytes => "Bytes",
        TypeKind.DateTime => "DateTime",
        TypeKind.Duration => "Duration",
        _ => "Any",
    };

    /// <summary>A JsonReadFunc for one non-null element of this type.</summary>
    public static string ReadElement(TypeModel type, int depth = 1) => type.Kind switch
    {
        TypeKind.Object => type.ClassName + ".ReadJson",
        TypeKind.List => "static " + Type(type) + " (ref " + Reader + " r" + depth + ") => " + Json + ".ReadList(ref r" + depth + ", " + ReadElement(type.Element!, depth + 1) + ")!",
        TypeKind.Map => "static " + Type(type) + " (ref " + Reader + " r" + depth + ") => " + Json + ".ReadMap(ref r" + depth + ", " + ReadElement(type.Element!, depth + 1) + ")!",
        _ => Json + ".Read" + Suffix(type.Kind) + "Value",
    };

    /// <summary>An expression reading a property value (null for JSON null) from <c>reader</c>.</summary>
    public static string ReadProperty(TypeModel type) => type.Kind switch
    {
        TypeKind.Object => Json + ".ReadObject(ref reader, " + ReadElement(type) + ")",
        TypeKind.List => Json + ".ReadList(ref reader, " + ReadElement(type.Element!) + ")",
        TypeKind.Map => Json + ".ReadMap(ref reader, " + ReadElement(type.Element!) + ")",
        _ => Json + ".Read" + Suffix(type.Kind) + "(ref reader)",
    };

    /// <summary>A JsonWriteFunc for one element of this type.</summary>
    public static string WriteElement(TypeModel type, int depth = 1) => type.Kind switch
    {
        TypeKind.Object => Json + ".WriteObjectValue",
        TypeKind.List => "static (w" + depth + ", v" + depth + ") => " + Json + ".WriteListValue(w" + depth + ", v" + depth + ", " + WriteElement(type.Element!, depth + 1) + ")",
        TypeKind.Map => "static (w" + depth + ", v" + depth + ") => " + Json + ".WriteMapValue(w" + depth + ", v" + depth + ", " + WriteElement(type.Element!, depth + 1) + ")",
        _ => Json + ".Write" + Suffix(type.Kind) + "Value",
    };

    /// <summary>A statement writing property <paramref name="member"/> under <paramref name="wireName"/>.</summary>
    public static string WriteProperty(TypeModel type, string wireName, string member) => type.Kind switch
    {
        TypeKind.List => Json + ".WriteList(writer, " + Literal(wireName) + ", " + member + ", " + WriteElement(type.Element!) + ");",
        TypeKind.Map => Json + ".WriteMap(writer, " + Literal(wireName) + ", " + member + ", " + WriteElement(type.Element!) + ");",
        _ => Json + ".Write(writer, " + Literal(wireName) + ", " + member + ");",
    };

    public static void Header(SourceWriter writer, string sourceFile, bool usesJson)
    {
        writer.Line("// <auto-generated/>");
        writer.Line("// Generated by Discovery from " + sourceFile.Replace('\n', ' ').Replace('\r', ' ') + ". Edits are lost on the next build.");
        writer.Line("#nullable enable");

        // Deprecated members are still generated (and marked [Obsolete]); using them inside generated code is not the user's doing.
        writer.Line("#pragma warning disable CS0612, CS0618, CS1591");
        if (usesJson)
        {
            writer.Line("using " + Json + " = global::Discovery.Runtime.Json.JsonIO;");
        }

        writer.Line();
    }

    public static void Obsolete(SourceWriter writer, bool deprecated)
    {
        if (deprecated)
        {
            writer.Line("[global::System.Obsolete]");
        }
    }
}
