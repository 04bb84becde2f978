using Discovery.Generator.Model;

namespace Discovery.Generator.Emit;

/// <summary>The service class and its top-level methods; the standard global parameters are on the runtime's request base.</summary>
internal static class ServiceEmitter
{
    public static string Emit(ServiceModel service, FileContext context)
    {
        var writer = new SourceWriter(8192);
        CSharp.Header(writer, context.SourceFile, usesJson: service.Methods.Count > 0);
        var fullName = "global::" + context.Namespace + "." + context.ClientName;
        writer.Open("namespace " + context.Namespace);
        XmlDoc.Summary(writer, service.Title + (string.IsNullOrWhiteSpace(service.Description) ? string.Empty : ": " + service.Description));
        if (service.DocumentationLink is { } link)
        {
            XmlDoc.Remarks(writer, "Documentation: " + link);
        }

        writer.Open("public sealed partial class " + context.ClientName + " : global::Discovery.Runtime.ServiceBase");
        writer.Line("/// <summary>The document's rootUrl; <see cref=\"global::Discovery.Runtime.ServiceOptions.RootUri\"/> overrides it.</summary>");
        writer.Line("public const string DefaultRootUrl = " + CSharp.Literal(service.RootUrl) + ";");
        writer.Line();
        writer.Line("/// <summary>The document's servicePath, relative to the root URL.</summary>");
        writer.Line("public const string DefaultServicePath = " + CSharp.Literal(service.ServicePath) + ";");
        writer.Line();
        writer.Line("/// <summary>Creates the service with its own HttpClient.</summary>");
        writer.Open("public " + context.ClientName + "(global::Discovery.Runtime.ServiceOptions? options = null) : base(null, options, DefaultRootUrl, DefaultServicePath)");
        InitializeResources(writer, service, context);
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Creates the service on the caller's HttpClient (which should not follow redirects by itself).</summary>");
        writer.Open("public " + context.ClientName + "(global::System.Net.Http.HttpClient httpClient, global::Discovery.Runtime.ServiceOptions? options = null) : base(httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient)), options, DefaultRootUrl, DefaultServicePath)");
        InitializeResources(writer, service, context);
        writer.Close();
        foreach (var resource in service.Resources)
        {
            writer.Line();
            XmlDoc.Summary(writer, resource.Description);
            CSharp.Obsolete(writer, resource.Deprecated);
            writer.Line("public global::" + context.Namespace + "." + resource.ClassName + " " + resource.PropertyName + " { get; }");
        }

        foreach (var method in service.Methods)
        {
            writer.Line();
            MethodEmitter.EmitFactories(writer, method, fullName, "this");
        }

        foreach (var method in service.Methods)
        {
            writer.Line();
            MethodEmitter.EmitRequest(writer, method, context);
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void InitializeResources(SourceWriter writer, ServiceModel service, FileContext context)
    {
        foreach (var resource in service.Resources)
        {
            writer.Line(resource.PropertyName + " = new global::" + context.Namespace + "." + resource.ClassName + "(this);");
        }
    }
}
