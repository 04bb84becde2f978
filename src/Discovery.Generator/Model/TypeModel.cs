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

/// <summary>A resolved type: a primitive, a generated class (by its global:: name), or a list/map of a type.</summary>
internal sealed record TypeModel(TypeKind Kind, string? ClassName = null, TypeModel? Element = null)
{
    public static readonly TypeModel String = new(TypeKind.String);
    public static readonly TypeModel Any = new(TypeKind.Any);
}
