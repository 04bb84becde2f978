using Discovery.Generator.Naming;

namespace Discovery.Generator.Model;

/// <summary>The wire shapes a discovery value can take; each maps to one C# type and one pair of JSON helpers.</summary>
internal enum TypeKind
{
    String,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Double,
    Single,
    Boolean,
    Bytes,
    DateTime,
    Duration,
    Any,
    Object,
    List,
    Map,
}

/// <summary>A resolved type: a primitive, a generated class, or a list/map of a type, with its C# name.</summary>
internal sealed record TypeModel(TypeKind Kind, string QualifiedName, TypeModel? Element = null)
{
    public static readonly TypeModel String = new(TypeKind.String, "string");
    public static readonly TypeModel Int32 = new(TypeKind.Int32, "int");
    public static readonly TypeModel UInt32 = new(TypeKind.UInt32, "uint");
    public static readonly TypeModel Int64 = new(TypeKind.Int64, "long");
    public static readonly TypeModel UInt64 = new(TypeKind.UInt64, "ulong");
    public static readonly TypeModel Double = new(TypeKind.Double, "double");
    public static readonly TypeModel Single = new(TypeKind.Single, "float");
    public static readonly TypeModel Boolean = new(TypeKind.Boolean, "bool");
    public static readonly TypeModel Bytes = new(TypeKind.Bytes, "byte[]");
    public static readonly TypeModel DateTime = new(TypeKind.DateTime, KnownTypes.GoogleDateTime);
    public static readonly TypeModel Duration = new(TypeKind.Duration, KnownTypes.GoogleDuration);
    public static readonly TypeModel Any = new(TypeKind.Any, KnownTypes.JsonElement);

    public static TypeModel Class(TypeRef type) => new(TypeKind.Object, type.QualifiedName);

    public static TypeModel ListOf(TypeModel element) => new(TypeKind.List, KnownTypes.IList(element.QualifiedName), element);

    public static TypeModel MapOf(TypeModel element) => new(TypeKind.Map, KnownTypes.IDictionary("string", element.QualifiedName), element);
}
