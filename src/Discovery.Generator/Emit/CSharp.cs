using System.Globalization;
using System.Text;
using Discovery.Generator.Model;
using Discovery.Generator.Naming;

namespace Discovery.Generator.Emit;

/// <summary>C# literals and file headers, and the JSON helper calls that read and write each model type.</summary>
internal static class CSharp
{
    public const string Json = KnownTypes.JsonIOAlias;

    public const string Names = KnownTypes.JsonPropertyNamesAlias;

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

    public static string NullableType(TypeModel type) => type.QualifiedName + "?";

    // The runtime's JSON helpers are named after the primitive kinds (ReadInt32, WriteDurationValue); the
    // names are read once rather than formatted for every property.
    private static readonly string[] KindNames = System.Enum.GetNames(typeof(TypeKind));

    private static string Suffix(TypeKind kind) => KindNames[(int)kind];

    // Every generic helper call names its type argument and every scalar write names its kind: inferring T from
    // a method group or an untyped lambda, or choosing among a dozen Write overloads, is binding work the
    // compiler would otherwise repeat for each of a large document's properties (see README, build cost). An
    // object property calls the class's ReadJson itself and a list of objects is written through one
    // non-generic helper, so neither needs a delegate, which the compiler also has to cache in a field.

    /// <summary>A JsonReadFunc for one non-null element of this type.</summary>
    public static string ReadElement(TypeModel type, int depth = 1) => type.Kind switch
    {
        TypeKind.Object => type.QualifiedName + "." + MemberNames.ReadJson,
        TypeKind.List => "static " + type.QualifiedName + " (ref " + KnownTypes.Utf8JsonReader + " r" + depth + ") => " + Json + ".ReadList<" + type.Element!.QualifiedName + ">(ref r" + depth + ", " + ReadElement(type.Element!, depth + 1) + ")!",
        TypeKind.Map => "static " + type.QualifiedName + " (ref " + KnownTypes.Utf8JsonReader + " r" + depth + ") => " + Json + ".ReadMap<" + type.Element!.QualifiedName + ">(ref r" + depth + ", " + ReadElement(type.Element!, depth + 1) + ")!",
        _ => Json + ".Read" + Suffix(type.Kind) + "Value",
    };

    /// <summary>An expression reading a property value (null for JSON null) from <c>reader</c>.</summary>
    public static string ReadProperty(TypeModel type) => type.Kind switch
    {
        TypeKind.Object => Json + ".IsNull(ref reader) ? null : " + type.QualifiedName + "." + MemberNames.ReadJson + "(ref reader)",
        TypeKind.List => Json + ".ReadList<" + type.Element!.QualifiedName + ">(ref reader, " + ReadElement(type.Element!) + ")",
        TypeKind.Map => Json + ".ReadMap<" + type.Element!.QualifiedName + ">(ref reader, " + ReadElement(type.Element!) + ")",
        _ => Json + ".Read" + Suffix(type.Kind) + "(ref reader)",
    };

    /// <summary>A JsonWriteFunc for one element of this type.</summary>
    public static string WriteElement(TypeModel type, int depth = 1) => type.Kind switch
    {
        TypeKind.Object => Json + ".WriteObjectValue<" + type.QualifiedName + ">",
        TypeKind.List => "static (w" + depth + ", v" + depth + ") => " + Json + ".WriteListValue<" + type.Element!.QualifiedName + ">(w" + depth + ", v" + depth + ", " + WriteElement(type.Element!, depth + 1) + ")",
        TypeKind.Map => "static (w" + depth + ", v" + depth + ") => " + Json + ".WriteMapValue<" + type.Element!.QualifiedName + ">(w" + depth + ", v" + depth + ", " + WriteElement(type.Element!, depth + 1) + ")",
        _ => Json + ".Write" + Suffix(type.Kind) + "Value",
    };

    /// <summary>A statement writing property <paramref name="member"/> under <paramref name="wireName"/>.</summary>
    public static string WriteProperty(TypeModel type, string wireName, string member) => type.Kind switch
    {
        TypeKind.List when type.Element!.Kind == TypeKind.Object => Json + ".WriteObjectList(writer, " + Literal(wireName) + ", " + member + ");",
        TypeKind.List => Json + ".WriteList<" + type.Element!.QualifiedName + ">(writer, " + Literal(wireName) + ", " + member + ", " + WriteElement(type.Element!) + ");",
        TypeKind.Map => Json + ".WriteMap<" + type.Element!.QualifiedName + ">(writer, " + Literal(wireName) + ", " + member + ", " + WriteElement(type.Element!) + ");",
        _ => Json + ".Write" + Suffix(type.Kind) + "(writer, " + Literal(wireName) + ", " + member + ");",
    };

    public static void Header(SourceWriter writer, FileContext context)
    {
        writer.Line("// <auto-generated/>");
        writer.Line("// Generated by Discovery from " + XmlDoc.Escape(context.SourceFile) + ". Edits are lost on the next build.");
        writer.Line("#nullable enable");

        // Deprecated members are still generated (and marked [Obsolete]); using them inside generated code is not the user's doing.
        writer.Line("#pragma warning disable CS0612, CS0618, CS1591");
        foreach (var (alias, target) in KnownTypes.Aliases(context.Namespace, context.HasData))
        {
            writer.Line("using " + alias + " = " + target + ";");
        }

        writer.Line();
    }

    public static void Obsolete(SourceWriter writer, bool deprecated)
    {
        if (deprecated)
        {
            writer.Line("[" + KnownTypes.Obsolete + "]");
        }
    }
}
