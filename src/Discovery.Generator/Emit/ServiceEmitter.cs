using Discovery.Generator.Model;
using Discovery.Generator.Naming;

namespace Discovery.Generator.Emit;

/// <summary>The service class and its top-level methods; the standard global parameters are on the runtime's request base.</summary>
internal static class ServiceEmitter
{
    public static string Emit(ServiceModel service, FileContext context)
    {
        var writer = new SourceWriter(8192);
        CSharp.Header(writer, context);
        writer.Open("namespace " + context.Namespace);
        XmlDoc.Summary(writer, service.Title + (string.IsNullOrWhiteSpace(service.Description) ? string.Empty : ": " + service.Description));
        if (service.DocumentationLink is { } link)
        {
            XmlDoc.Remarks(writer, "Documentation: " + link);
        }

        var name = service.Type.Name;
        var defaults = MemberNames.DefaultRootUrl + ", " + MemberNames.DefaultServicePath + ")";
        writer.Open("public sealed partial class " + name + " : " + KnownTypes.ServiceBase);
        writer.Line("/// <summary>The document's rootUrl; <see cref=\"" + KnownTypes.ServiceOptions + "." + MemberNames.RootUri + "\"/> overrides it.</summary>");
        writer.Line("public const string " + MemberNames.DefaultRootUrl + " = " + CSharp.Literal(service.RootUrl) + ";");
        writer.Line();
        writer.Line("/// <summary>The document's servicePath, relative to the root URL.</summary>");
        writer.Line("public const string " + MemberNames.DefaultServicePath + " = " + CSharp.Literal(service.ServicePath) + ";");
        writer.Line();
        if (service.BatchPath is { } batchPath)
        {
            writer.Line("/// <summary>The document's batchPath, relative to the root URL.</summary>");
            writer.Line("public const string " + MemberNames.DefaultBatchPath + " = " + CSharp.Literal(batchPath) + ";");
            writer.Line();
        }

        writer.Line("/// <summary>Creates the service with its own HttpClient.</summary>");
        writer.Open("public " + name + "(" + KnownTypes.ServiceOptions + "? options = null) : base(null, options, " + defaults);
        InitializeResources(writer, service);
        writer.Close();
        writer.Line();
        writer.Line("/// <summary>Creates the service on the caller's HttpClient (which should not follow redirects by itself).</summary>");
        writer.Open("public " + name + "(" + KnownTypes.HttpClient + " httpClient, " + KnownTypes.ServiceOptions + "? options = null) : base(httpClient ?? throw new " + KnownTypes.ArgumentNullException + "(nameof(httpClient)), options, " + defaults);
        InitializeResources(writer, service);
        writer.Close();
        if (service.BatchPath is not null)
        {
            writer.Line();
            writer.Line("/// <summary>A new batch: calls of this service sent together in one HTTP request to <see cref=\"" + KnownTypes.ServiceBase + "." + MemberNames.RootUri + "\"/> plus <see cref=\"" + MemberNames.DefaultBatchPath + "\"/>.</summary>");
            writer.Line("public " + KnownTypes.BatchRequest + " " + MemberNames.Batch + "() => new " + KnownTypes.BatchRequest + "(this, " + MemberNames.DefaultBatchPath + ");");
        }

        EmitScopes(writer, service.Scopes);
        ResourceEmitter.EmitMembers(writer, service.Resources, service.Methods, "this", context);

        writer.Close();
        writer.Close();
        return writer.ToString();
    }

    private static void EmitScopes(SourceWriter writer, EnumModel? scopes)
    {
        if (scopes is null)
        {
            return;
        }

        writer.Line();
        writer.Line("/// <summary>The OAuth 2.0 scopes of this API, for <c>GoogleCredential.CreateScoped</c>.</summary>");
        writer.Open("public static class " + scopes.ClassName);
        foreach (var scope in scopes.Values)
        {
            XmlDoc.Summary(writer, scope.Description);
            writer.Line("public const string " + scope.Name + " = " + CSharp.Literal(scope.Value) + ";");
        }

        writer.Close();
    }

    private static void InitializeResources(SourceWriter writer, ServiceModel service)
    {
        foreach (var resource in service.Resources)
        {
            writer.Line(resource.PropertyName + " = new " + resource.Type.QualifiedName + "(this);");
        }
    }
}
