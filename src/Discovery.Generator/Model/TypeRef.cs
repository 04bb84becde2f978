namespace Discovery.Generator.Model;

/// <summary>
/// A generated class as the model names it: declared by <see cref="Name"/>, referred to everywhere else by
/// <see cref="FullyQualifiedName"/>, so that emitters never assemble a qualified name themselves.
/// </summary>
internal sealed record TypeRef(string Name, string FullyQualifiedName)
{
    public static TypeRef InNamespace(string ns, string name) => new(name, "global::" + ns + "." + name);

    public TypeRef Nested(string name) => new(name, FullyQualifiedName + "." + name);
}
