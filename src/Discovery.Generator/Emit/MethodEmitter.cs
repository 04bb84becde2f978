using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Discovery.Generator.Model;

namespace Discovery.Generator.Emit;

/// <summary>A method's factory overloads on its resource, and its request class.</summary>
internal static class MethodEmitter
{
    public static void EmitFactories(SourceWriter writer, MethodModel method, string ownerFullName, string serviceExpression)
    {
        var requestType = ownerFullName + "." + method.RequestClassName;
        var parameters = new List<string>();
        var arguments = new List<string> { serviceExpression };
        if (method.Body is { } body)
        {
            parameters.Add(CSharp.Type(body) + " " + method.BodyArgumentName);
            arguments.Add(method.BodyArgumentName);
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.ArgumentName is { } argument)
            {
                parameters.Add(ParameterType(parameter, nullable: false) + " " + argument);
                arguments.Add(argument);
            }
        }

        var signature = string.Join(", ", parameters);
        var call = string.Join(", ", arguments);
        Documentation(writer, method);
        writer.Line("public " + requestType + " " + method.MethodName + "(" + signature + ") => new " + requestType + "(" + call + (method.Upload is null ? string.Empty : ", null") + ");");
        if (method.Upload is not null)
        {
            writer.Line();

            // The description is on the overload above; repeating it would double the largest part of the file.
            writer.Line("/// <summary>As the overload without media, uploading <paramref name=\"" + method.MediaArgumentName + "\"/> (a file path or any <see cref=\"global::Discovery.Runtime.MediaUpload\"/>).</summary>");
            CSharp.Obsolete(writer, method.Deprecated);
            writer.Line("public " + requestType + " " + method.MethodName + "(" + (signature.Length > 0 ? signature + ", " : string.Empty) + "global::Discovery.Runtime.MediaUpload " + method.MediaArgumentName + ") => new " + requestType + "(" + call + ", " + method.MediaArgumentName + ");");
        }
    }

    public static void EmitRequest(SourceWriter writer, MethodModel method, FileContext context)
    {
        var responseType = ResponseType(method);
        var baseType = method.Upload is not null
            ? "global::Discovery.Runtime.MediaUploadRequest<" + responseType + ">"
            : responseType is null ? "global::Discovery.Runtime.ClientRequest" : "global::Discovery.Runtime.ClientRequest<" + responseType + ">";
        writer.Line("/// <summary>Request of <c>" + XmlDoc.Escape(method.Id) + "</c>.</summary>");
        CSharp.Obsolete(writer, method.Deprecated);
        writer.Open("public sealed class " + method.RequestClassName + " : " + baseType);
        EmitConstructor(writer, method);
        EmitProperties(writer, method);
        EmitPath(writer, "BuildPath", method.Path);
        EmitQuery(writer, method);
        if (method.Body is { } body)
        {
            writer.Line();

            // A null body is no body: media then goes as uploadType=media, as Google's clients do.
            var isReference = body.Kind is TypeKind.Object or TypeKind.List or TypeKind.Map or TypeKind.String or TypeKind.Bytes;
            writer.Line("protected override bool HasBody => " + (isReference ? method.BodyPropertyName + " is not null" : "true") + ";");
            writer.Line();
            if (context.DataWrapper)
            {
                writer.Line("protected override void WriteBody(" + CSharp.Writer + " writer) => " + CSharp.Json + ".WriteDataWrapped(writer, " + method.BodyPropertyName + ", " + CSharp.WriteElement(body) + ");");
            }
            else if (body.Kind == TypeKind.Object)
            {
                writer.Line("protected override void WriteBody(" + CSharp.Writer + " writer) => " + method.BodyPropertyName + ".WriteJson(writer);");
            }
            else
            {
                writer.Open("protected override void WriteBody(" + CSharp.Writer + " writer)");
                writer.Line("global::Discovery.Runtime.Json.JsonWriteFunc<" + CSharp.Type(body) + "> write = " + CSharp.WriteElement(body) + ";");
                writer.Line("write(writer, " + method.BodyPropertyName + ");");
                writer.Close();
            }
        }

        if (responseType is not null)
        {
            writer.Line();
            if (context.DataWrapper)
            {
                writer.Line("protected override " + responseType + " ReadResponse(ref " + CSharp.Reader + " reader) => " + CSharp.Json + ".ReadDataWrapped(ref reader, " + CSharp.ReadElement(method.Response ?? TypeModel.Any) + ");");
            }
            else if (method.Response is { Kind: TypeKind.Object } objectResponse)
            {
                // ReadJson starts the reader itself.
                writer.Line("protected override " + responseType + " ReadResponse(ref " + CSharp.Reader + " reader) => " + objectResponse.ClassName + ".ReadJson(ref reader);");
            }
            else
            {
                writer.Open("protected override " + responseType + " ReadResponse(ref " + CSharp.Reader + " reader)");
                writer.Line(CSharp.Json + ".Begin(ref reader);");
                writer.Line("global::Discovery.Runtime.Json.JsonReadFunc<" + responseType + "> read = " + CSharp.ReadElement(method.Response ?? TypeModel.Any) + ";");
                writer.Line("return read(ref reader);");
                writer.Close();
            }
        }

        if (method.Upload is { } upload)
        {
            EmitUpload(writer, upload);
        }

        if (method.SupportsDownload)
        {
            writer.Line();
            writer.Line("/// <summary>Downloads the media (<c>alt=media</c>) into <paramref name=\"destination\"/> in ranged chunks, resuming after faults.</summary>");
            writer.Line("public global::System.Threading.Tasks.Task DownloadAsync(global::System.IO.Stream destination, global::System.Action<global::Discovery.Runtime.DownloadProgress>? progress = null, global::System.Threading.CancellationToken cancellationToken = default) => DownloadMediaCoreAsync(destination, progress, cancellationToken);");
            writer.Line();
            writer.Line("/// <summary>Downloads the media into <paramref name=\"destination\"/>, blocking the calling thread.</summary>");
            writer.Line("public void Download(global::System.IO.Stream destination, global::System.Action<global::Discovery.Runtime.DownloadProgress>? progress = null) => DownloadMediaCore(destination, progress);");
        }

        if (method.Paging is { } paging && method.Response is { } response)
        {
            EmitPaging(writer, paging, CSharp.Type(response));
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Enum is { } values)
            {
                writer.Line();
                SchemaEmitter.EmitEnum(writer, values, parameter.WireName);
            }
        }

        foreach (var nested in method.InlineSchemas)
        {
            writer.Line();
            SchemaEmitter.EmitClass(writer, nested);
        }

        writer.Close();
    }

    /// <summary>Upload methods without a response still need a type for the upload engine's result.</summary>
    private static string? ResponseType(MethodModel method) =>
        method.Response is { } response ? CSharp.Type(response) : method.Upload is not null ? CSharp.Type(TypeModel.Any) : null;

    private static void EmitConstructor(SourceWriter writer, MethodModel method)
    {
        var parameters = new StringBuilder("global::Discovery.Runtime.ServiceBase service");
        if (method.Body is { } body)
        {
            parameters.Append(", ").Append(CSharp.Type(body)).Append(' ').Append(method.BodyArgumentName);
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.ArgumentName is { } argument)
            {
                parameters.Append(", ").Append(ParameterType(parameter, nullable: false)).Append(' ').Append(argument);
            }
        }

        if (method.Upload is not null)
        {
            parameters.Append(", global::Discovery.Runtime.MediaUpload? ").Append(method.MediaArgumentName);
        }

        var media = method.Upload is null ? string.Empty : ", " + method.MediaArgumentName + ", UploadLimits";
        writer.Open("internal " + method.RequestClassName + "(" + parameters + ") : base(service, " + CSharp.Literal(method.HttpMethod) + media + ")");
        if (method.Body is not null)
        {
            writer.Line(method.BodyPropertyName + " = " + method.BodyArgumentName + ";");
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.ArgumentName is { } argument)
            {
                writer.Line(parameter.PropertyName + " = " + argument + ";");
            }
        }

        writer.Close();
    }

    private static void EmitProperties(SourceWriter writer, MethodModel method)
    {
        if (method.Body is { } body)
        {
            writer.Line();
            writer.Line("/// <summary>The request body.</summary>");
            writer.Line("public " + CSharp.Type(body) + " " + method.BodyPropertyName + " { get; set; }");
        }

        foreach (var parameter in method.Parameters)
        {
            writer.Line();
            EmitParameterProperty(writer, parameter);
        }
    }

    public static void EmitParameterProperty(SourceWriter writer, ParameterModel parameter)
    {
        XmlDoc.Summary(writer, parameter.Description);
        if (parameter.DefaultValue is { } defaultValue)
        {
            XmlDoc.Remarks(writer, "When not set, the server uses " + defaultValue + ".");
        }

        CSharp.Obsolete(writer, parameter.Deprecated);
        writer.Line("public " + ParameterType(parameter, nullable: parameter.ArgumentName is null) + " " + parameter.PropertyName + " { get; set; }");
    }

    public static string ParameterType(ParameterModel parameter, bool nullable)
    {
        var type = parameter.Repeated ? new TypeModel(TypeKind.List, Element: parameter.Type) : parameter.Type;
        return nullable ? CSharp.NullableType(type) : CSharp.Type(type);
    }

    /// <summary>The text of a parameter's value; QueryBuilder and UriTemplate take strings and the common primitives as they are.</summary>
    public static string FormatCall(ParameterModel parameter) => parameter.Repeated
        ? (parameter.Type.Kind == TypeKind.String ? parameter.PropertyName : "global::Discovery.Runtime.ParameterFormat.FormatAll(" + parameter.PropertyName + ")")
        : parameter.PropertyName;

    private static void EmitPath(SourceWriter writer, string methodName, IReadOnlyList<PathPart> parts)
    {
        var expression = new StringBuilder();
        foreach (var part in parts)
        {
            if (expression.Length > 0)
            {
                expression.Append(" + ");
            }

            if (part.Literal is { } literal)
            {
                expression.Append(CSharp.Literal(literal));
            }
            else
            {
                var value = part.IsString ? part.PropertyName! : "global::Discovery.Runtime.ParameterFormat." + (part.Repeated ? "FormatAll" : "Format") + "(" + part.PropertyName + ")";
                expression.Append("global::Discovery.Runtime.UriTemplate.").Append(part.Reserved ? "Reserved" : "Simple").Append('(').Append(value).Append(')');
            }
        }

        writer.Line();
        writer.Line("protected override string " + methodName + "() => " + (expression.Length == 0 ? "\"\"" : expression.ToString()) + ";");
    }

    private static void EmitQuery(SourceWriter writer, MethodModel method)
    {
        var query = new List<ParameterModel>();
        foreach (var parameter in method.Parameters)
        {
            if (!parameter.InPath)
            {
                query.Add(parameter);
            }
        }

        if (query.Count == 0)
        {
            return;
        }

        writer.Line();
        writer.Open("protected override void AddQueryParameters(global::Discovery.Runtime.QueryBuilder query)");
        writer.Line("base.AddQueryParameters(query);");
        foreach (var parameter in query)
        {
            writer.Line("query.Add(" + CSharp.Literal(parameter.WireName) + ", " + FormatCall(parameter) + ");");
        }

        writer.Close();
    }

    private static void EmitUpload(SourceWriter writer, UploadModel upload)
    {
        var maxSize = upload.MaxSize is { } size ? size.ToString(CultureInfo.InvariantCulture) + "L" : "null";
        var accept = upload.Accept is { } a ? CSharp.Literal(a) : "null";
        writer.Line();
        writer.Line("private static readonly global::Discovery.Runtime.MediaUploadLimits UploadLimits = new(" + accept + ", " + maxSize + ", " + (upload.SupportsResumable ? "true" : "false") + ");");
        EmitPath(writer, "BuildUploadPath", upload.SimplePath);
    }

    private static void EmitPaging(SourceWriter writer, PagingModel paging, string responseType)
    {
        const string Token = "[global::System.Runtime.CompilerServices.EnumeratorCancellation] global::System.Threading.CancellationToken cancellationToken = default";
        writer.Line();
        writer.Line("/// <summary>Every page, fetched as the enumeration proceeds; starts at the current page token.</summary>");
        writer.Open("public async global::System.Collections.Generic.IAsyncEnumerable<" + responseType + "> PagesAsync(" + Token + ")");
        writer.Line("var start = " + paging.PageTokenProperty + ";");
        writer.Line("var token = start;");
        writer.Open("try");
        writer.Open("while (true)");
        writer.Line(paging.PageTokenProperty + " = token;");
        writer.Line("var page = await ExecuteAsync(cancellationToken).ConfigureAwait(false);");
        writer.Line("yield return page;");
        writer.Line("token = page." + paging.NextPageTokenProperty + ";");
        writer.Open("if (string.IsNullOrEmpty(token))");
        writer.Line("yield break;");
        writer.Close();
        writer.Close();
        writer.Close();
        writer.Open("finally");

        // The request stays as the caller set it, so enumerating twice walks the same pages twice.
        writer.Line(paging.PageTokenProperty + " = start;");
        writer.Close();
        writer.Close();
        if (paging.ItemsProperty is { } items && paging.ItemType is { } itemType)
        {
            writer.Line();
            writer.Line("/// <summary>Every item of every page, fetched as the enumeration proceeds.</summary>");
            writer.Open("public async global::System.Collections.Generic.IAsyncEnumerable<" + CSharp.Type(itemType) + "> ItemsAsync(" + Token + ")");
            writer.Open("await foreach (var page in global::System.Threading.Tasks.TaskAsyncEnumerableExtensions.ConfigureAwait(PagesAsync(cancellationToken), false))");
            writer.Open("if (page." + items + " is { } items)");
            writer.Open("foreach (var item in items)");
            writer.Line("yield return item;");
            writer.Close();
            writer.Close();
            writer.Close();
            writer.Close();
        }
    }

    private static void Documentation(SourceWriter writer, MethodModel method)
    {
        XmlDoc.Summary(writer, method.Description);
        CSharp.Obsolete(writer, method.Deprecated);
    }
}
