using Discovery.Generator.Naming;

namespace Discovery.Generator.Model;

/// <summary>
/// A generated class as the model names it: declared by <see cref="Name"/>, referred to everywhere else by
/// <see cref="QualifiedName"/> (through the namespace aliases every generated file declares), so that emitters
/// never assemble a qualified name themselves.
/// </summary>
internal sealed record TypeRef(string Name, string QualifiedName)
{
    /// <summary>A service or resource class, in the document's namespace.</summary>
    public static TypeRef InService(string name) => new(name, KnownTypes.ServiceAlias + "." + name);

    /// <summary>A schema class, in the document's Data namespace.</summary>
    public static TypeRef InData(string name) => new(name, KnownTypes.DataAlias + "." + name);

    public TypeRef Nested(string name) => new(name, QualifiedName + "." + name);
}
