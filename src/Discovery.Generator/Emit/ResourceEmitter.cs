using System.Collections.Generic;
using System.Linq;
using Discovery.Generator.Common;
using Discovery.Generator.Model;
using Discovery.Generator.Naming;

namespace Discovery.Generator.Emit;

/// <summary>A top-level resource's file: its class, nested resources and request classes.</summary>
internal static class ResourceEmitter
{
    public static string Emit(ResourceModel resource, FileContext context)
    {
        var writer = new SourceWriter(16384);
        CSharp.Header(writer, context);
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
            writer.Line(sub.PropertyName + " = new " + sub.Type.QualifiedName + "(service);");
        }

        writer.Close();
        EmitMembers(writer, resource.Resources.Select(static r => new ResourceRefModel(r.PropertyName, r.Type, r.Description, r.Deprecated)), resource.Methods, "_service", context);

        foreach (var sub in resource.Resources)
        {
            writer.Line();
            EmitClass(writer, sub, context);
        }

        writer.Close();
    }

    /// <summary>
    /// What a service and a resource class both hold: a property per sub-resource, factories for its methods (whose
    /// requests get <paramref name="service"/>), and the request classes.
    /// </summary>
    public static void EmitMembers(SourceWriter writer, IEnumerable<ResourceRefModel> resources, EquatableArray<MethodModel> methods, string service, FileContext context)
    {
        foreach (var sub in resources)
        {
            writer.Line();
            XmlDoc.Summary(writer, sub.Description);
            CSharp.Obsolete(writer, sub.Deprecated);
            writer.Line("public " + sub.Type.QualifiedName + " " + sub.PropertyName + " { get; }");
        }

        foreach (var method in methods)
        {
            writer.Line();
            MethodEmitter.EmitFactories(writer, method, service);
        }

        foreach (var method in methods)
        {
            writer.Line();
            MethodEmitter.EmitRequest(writer, method, context);
        }
    }
}
