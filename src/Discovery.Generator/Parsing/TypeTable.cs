using Discovery.Generator.Model;

namespace Discovery.Generator.Parsing;

/// <summary>The one mapping from a discovery type and format to a C# type, for schemas and parameters alike.</summary>
internal static class TypeTable
{
    /// <summary>The type of a scalar, or null for the structured types (object, array) and unknown ones.</summary>
    public static TypeModel? Scalar(string? type, string? format) => type switch
    {
        "string" => format switch
        {
            "int64" => TypeModel.Int64,
            "uint64" => TypeModel.UInt64,
            "byte" => TypeModel.Bytes,
            "date-time" or "google-datetime" => TypeModel.DateTime,
            "google-duration" => TypeModel.Duration,
            _ => TypeModel.String,
        },
        "integer" => format switch
        {
            "uint32" => TypeModel.UInt32,
            "int64" => TypeModel.Int64,
            "uint64" => TypeModel.UInt64,
            _ => TypeModel.Int32,
        },
        "number" => format == "float" ? TypeModel.Single : TypeModel.Double,
        "boolean" => TypeModel.Boolean,
        "any" or "null" => TypeModel.Any,
        _ => null,
    };

    /// <summary>
    /// A parameter's type: parameters travel as path or query text, and the runtime formats numbers and
    /// booleans itself, so those keep their type; anything else stays the string the caller writes.
    /// </summary>
    public static TypeModel Parameter(string? type, string? format) =>
        Scalar(type, format) is { Kind: not (TypeKind.Bytes or TypeKind.DateTime or TypeKind.Duration or TypeKind.Any) } scalar ? scalar : TypeModel.String;
}
