using Discovery.Generator.Model;
using Discovery.Generator.Naming;

namespace Discovery.Generator.Emit;

/// <summary>A top-level resource's file: its class, nested resources and request classes.</summary>
internal static class ResourceEmitter
{
    public static string Emit(ResourceModel resource, FileContext context)
    {
        var writer = new SourceWriter(16384);
        CSharp.Header(writer, context.SourceFile, usesJson: true);
        writer.Open("namespace " + context.Namespace);
        EmitClass(writer, resource, context);
        writer.Close();
        return writer.ToString();
    }

    private static void EmitClass(SourceWriter writer, ResourceModel resource, FileContext context)
    {
        XmlDoc.Summary(writer, resource.Description ?? "The \"" + resource.WireName + "\" resource.");
        CSharp.Obsolete(writer, resource.Deprecated);
        writer.Open("public sealed partial class " + resource.Type.Name);
        writer.Line("private readonly " + KnownTypes.ServiceBase + " _service;");
        writer.Line();
        writer.Open("internal " + resource.Type.Name + "(" + KnownTypes.ServiceBase + " service)");
        writer.Line("_service = service;");
        foreach (var sub in resource.Resources)
        {
            writer.Line(sub.PropertyName + " = new " + sub.Type.FullyQualifiedName + "(service);");
        }

        writer.Close();
        foreach (var sub in resource.Resources)
        {
            writer.Line();
            XmlDoc.Summary(writer, sub.Description);
            CSharp.Obsolete(writer, sub.Deprecated);
            writer.Line("public " + sub.Type.FullyQualifiedName + " " + sub.PropertyName + " { get; }");
        }

        foreach (var method in resource.Methods)
        {
            writer.Line();
            MethodEmitter.EmitFactories(writer, method, "_service");
        }

        foreach (var method in resource.Methods)
        {
            writer.Line();
            MethodEmitter.EmitRequest(writer, method, context);
        }

        foreach (var sub in resource.Resources)
        {
            writer.Line();
            EmitClass(writer, sub, context);
        }

        writer.Close();
    }
}
