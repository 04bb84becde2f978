using Discovery.Generator.Model;

namespace Discovery.Generator.Emit;

/// <summary>A top-level resource's file: its class, nested resources and request classes.</summary>
internal static class ResourceEmitter
{
    public static string Emit(ResourceModel resource, FileContext context)
    {
        var writer = new SourceWriter(16384);
        CSharp.Header(writer, context.SourceFile, usesJson: true);
        writer.Open("namespace " + context.Namespace);
        EmitClass(writer, resource, "global::" + context.Namespace + "." + resource.ClassName, context);
        writer.Close();
        return writer.ToString();
    }

    private static void EmitClass(SourceWriter writer, ResourceModel resource, string fullName, FileContext context)
    {
        XmlDoc.Summary(writer, resource.Description ?? "The \"" + resource.WireName + "\" resource.");
        CSharp.Obsolete(writer, resource.Deprecated);
        writer.Open("public sealed partial class " + resource.ClassName);
        writer.Line("private readonly global::Discovery.Runtime.ServiceBase _service;");
        writer.Line();
        writer.Open("internal " + resource.ClassName + "(global::Discovery.Runtime.ServiceBase service)");
        writer.Line("_service = service;");
        foreach (var sub in resource.Resources)
        {
            writer.Line(sub.PropertyName + " = new " + fullName + "." + sub.ClassName + "(service);");
        }

        writer.Close();
        foreach (var sub in resource.Resources)
        {
            writer.Line();
            XmlDoc.Summary(writer, sub.Description);
            CSharp.Obsolete(writer, sub.Deprecated);
            writer.Line("public " + fullName + "." + sub.ClassName + " " + sub.PropertyName + " { get; }");
        }

        foreach (var method in resource.Methods)
        {
            writer.Line();
            MethodEmitter.EmitFactories(writer, method, fullName, "_service");
        }

        foreach (var method in resource.Methods)
        {
            writer.Line();
            MethodEmitter.EmitRequest(writer, method, context);
        }

        foreach (var sub in resource.Resources)
        {
            writer.Line();
            EmitClass(writer, sub, fullName + "." + sub.ClassName, context);
        }

        writer.Close();
    }
}
