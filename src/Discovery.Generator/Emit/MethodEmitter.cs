using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Discovery.Generator.Model;
using Discovery.Generator.Naming;

namespace Discovery.Generator.Emit;

/// <summary>A method's factory overloads on its resource, and its request class.</summary>
internal static class MethodEmitter
{
    public static void EmitFactories(SourceWriter writer, MethodModel method, string serviceExpression)
    {
        // The request class is nested in the class the factory is on, where the scope that named it keeps its
        // simple name for it alone; a target-typed new then names no type. Factories were a tenth of a request-heavy client.
        var requestType = method.Request.Name;
        var arguments = Arguments(method);
        var signature = string.Join(", ", arguments.ConvertAll(a => a.Type + " " + a.Name));
        var call = serviceExpression + string.Concat(arguments.ConvertAll(a => ", " + a.Name));
        XmlDoc.Summary(writer, method.Description);
        CSharp.Obsolete(writer, method.Deprecated);
        writer.Line("public " + requestType + " " + method.MethodName + "(" + signature + ") => new(" + call + (method.Upload is null ? string.Empty : ", null") + ");");
        if (method.Upload is { } upload)
        {
            writer.Line();

            // The description is on the overload above; repeating it would double the largest part of the file.
            writer.Line("/// <summary>As the overload without media, uploading <paramref name=\"" + upload.ArgumentName + "\"/> (a file path or any <see cref=\"" + KnownTypes.MediaUpload + "\"/>).</summary>");
            CSharp.Obsolete(writer, method.Deprecated);
            writer.Line("public " + requestType + " " + method.MethodName + "(" + (signature.Length > 0 ? signature + ", " : string.Empty) + KnownTypes.MediaUpload + " " + upload.ArgumentName + ") => new(" + call + ", " + upload.ArgumentName + ");");
        }
    }

    public static void EmitRequest(SourceWriter writer, MethodModel method, FileContext context)
    {
        var responseType = ResponseType(method);
        var baseType = method.Upload is not null
            ? KnownTypes.MediaUploadRequestOf(responseType!)
            : responseType is null ? KnownTypes.ClientRequest : KnownTypes.ClientRequestOf(responseType);
        writer.Line("/// <summary>Request of <c>" + XmlDoc.Escape(method.Id) + "</c>.</summary>");
        CSharp.Obsolete(writer, method.Deprecated);
        writer.Open("public sealed class " + method.Request.Name + " : " + baseType);
        EmitConstructor(writer, method);
        EmitProperties(writer, method);
        EmitPath(writer, MemberNames.BuildPath, method.Path);
        EmitQuery(writer, method);
        if (method.Body is { } body)
        {
            EmitBody(writer, body, context);
        }

        if (responseType is not null)
        {
            EmitResponse(writer, method.Response ?? TypeModel.Any, context);
        }

        if (method.Upload is { } upload)
        {
            EmitUpload(writer, upload, method);
        }

        if (method.SupportsDownload)
        {
            writer.Line();
            var progress = KnownTypes.Action(KnownTypes.DownloadProgress) + "? progress = null";
            writer.Line("/// <summary>Downloads the media (<c>alt=media</c>) into <paramref name=\"destination\"/> in ranged chunks, resuming after faults.</summary>");
            writer.Line("public " + KnownTypes.Task + " " + MemberNames.DownloadAsync + "(" + KnownTypes.Stream + " destination, " + progress + ", " + KnownTypes.CancellationToken + " cancellationToken = default) => " + MemberNames.DownloadMediaCoreAsync + "(destination, progress, cancellationToken);");
            writer.Line();
            writer.Line("/// <summary>Downloads the media into <paramref name=\"destination\"/>, blocking the calling thread.</summary>");
            writer.Line("public void " + MemberNames.Download + "(" + KnownTypes.Stream + " destination, " + progress + ") => " + MemberNames.DownloadMediaCore + "(destination, progress);");
        }

        if (method.Paging is { } paging && method.Response is { } response)
        {
            EmitPaging(writer, paging, response.QualifiedName);
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

    private static void EmitBody(SourceWriter writer, BodyModel body, FileContext context)
    {
        writer.Line();

        // A null body is no body: media then goes as uploadType=media, as Google's clients do.
        var isReference = body.Type.Kind is TypeKind.Object or TypeKind.List or TypeKind.Map or TypeKind.String or TypeKind.Bytes;
        writer.Line("protected override bool " + MemberNames.HasBody + " => " + (isReference ? body.PropertyName + " is not null" : "true") + ";");
        writer.Line();
        var header = "protected override void " + MemberNames.WriteBody + "(" + KnownTypes.Utf8JsonWriter + " writer)";
        if (context.DataWrapper)
        {
            writer.Line(header + " => " + CSharp.Json + ".WriteDataWrapped<" + body.Type.QualifiedName + ">(writer, " + body.PropertyName + ", " + CSharp.WriteElement(body.Type) + ");");
        }
        else if (body.Type.Kind == TypeKind.Object)
        {
            writer.Line(header + " => " + body.PropertyName + "." + MemberNames.WriteJson + "(writer);");
        }
        else
        {
            writer.Open(header);
            writer.Line(KnownTypes.JsonWriteFunc(body.Type.QualifiedName) + " write = " + CSharp.WriteElement(body.Type) + ";");
            writer.Line("write(writer, " + body.PropertyName + ");");
            writer.Close();
        }
    }

    private static void EmitResponse(SourceWriter writer, TypeModel response, FileContext context)
    {
        writer.Line();
        var header = "protected override " + response.QualifiedName + " " + MemberNames.ReadResponse + "(ref " + KnownTypes.Utf8JsonReader + " reader)";
        if (context.DataWrapper)
        {
            writer.Line(header + " => " + CSharp.Json + ".ReadDataWrapped<" + response.QualifiedName + ">(ref reader, " + CSharp.ReadElement(response) + ");");
        }
        else if (response.Kind == TypeKind.Object)
        {
            // ReadJson starts the reader itself.
            writer.Line(header + " => " + response.QualifiedName + "." + MemberNames.ReadJson + "(ref reader);");
        }
        else
        {
            writer.Open(header);
            writer.Line(CSharp.Json + ".Begin(ref reader);");
            writer.Line(KnownTypes.JsonReadFunc(response.QualifiedName) + " read = " + CSharp.ReadElement(response) + ";");
            writer.Line("return read(ref reader);");
            writer.Close();
        }
    }

    /// <summary>Upload methods without a response still need a type for the upload engine's result.</summary>
    private static string? ResponseType(MethodModel method) =>
        method.Response is { } response ? response.QualifiedName : method.Upload is not null ? TypeModel.Any.QualifiedName : null;

    /// <summary>What the factory passes on to the request after the service: the body, then the required parameters.</summary>
    private static List<(string Type, string Name, string Property)> Arguments(MethodModel method)
    {
        var arguments = new List<(string Type, string Name, string Property)>();
        if (method.Body is { } body)
        {
            arguments.Add((body.Type.QualifiedName, body.ArgumentName, body.PropertyName));
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.ArgumentName is { } argument)
            {
                arguments.Add((ParameterType(parameter, nullable: false), argument, parameter.PropertyName));
            }
        }

        return arguments;
    }

    private static void EmitConstructor(SourceWriter writer, MethodModel method)
    {
        var arguments = Arguments(method);
        var parameters = KnownTypes.ServiceBase + " " + MemberNames.ServiceArgument + string.Concat(arguments.ConvertAll(a => ", " + a.Type + " " + a.Name));
        var media = string.Empty;
        if (method.Upload is { } upload)
        {
            parameters += ", " + KnownTypes.MediaUpload + "? " + upload.ArgumentName;
            media = ", " + upload.ArgumentName + ", " + MemberNames.UploadLimits;
        }

        // The method id and path template name the call's activity and metrics (never the expanded path, which holds ids).
        var names = ", " + CSharp.Literal(method.Id) + ", " + CSharp.Literal(PathTemplate(method.Path, method));
        writer.Open("internal " + method.Request.Name + "(" + parameters + ") : base(" + MemberNames.ServiceArgument + ", " + CSharp.Literal(method.HttpMethod) + media + names + ")");
        foreach (var argument in arguments)
        {
            writer.Line(argument.Property + " = " + argument.Name + ";");
        }

        writer.Close();
    }

    private static void EmitProperties(SourceWriter writer, MethodModel method)
    {
        if (method.Body is { } body)
        {
            writer.Line();
            writer.Line("/// <summary>The request body.</summary>");
            writer.Line("public " + body.Type.QualifiedName + " " + body.PropertyName + " { get; set; }");
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
        var type = parameter.Repeated ? TypeModel.ListOf(parameter.Type) : parameter.Type;
        return nullable ? CSharp.NullableType(type) : type.QualifiedName;
    }

    /// <summary>The text of a parameter's value; QueryBuilder and UriTemplate take strings and the common primitives as they are.</summary>
    public static string FormatCall(ParameterModel parameter) => parameter.Repeated
        ? (parameter.Type.Kind == TypeKind.String ? parameter.PropertyName : KnownTypes.ParameterFormat + ".FormatAll(" + parameter.PropertyName + ")")
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
                var value = part.IsString ? part.PropertyName! : KnownTypes.ParameterFormat + "." + (part.Repeated ? "FormatAll" : "Format") + "(" + part.PropertyName + ")";
                expression.Append(KnownTypes.UriTemplate).Append('.').Append(part.Reserved ? "Reserved" : "Simple").Append('(').Append(value).Append(')');
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
        writer.Open("protected override void " + MemberNames.AddQueryParameters + "(" + KnownTypes.QueryBuilder + " query)");
        writer.Line("base." + MemberNames.AddQueryParameters + "(query);");
        foreach (var parameter in query)
        {
            writer.Line("query.Add(" + CSharp.Literal(parameter.WireName) + ", " + FormatCall(parameter) + ");");
        }

        writer.Close();
    }

    private static void EmitUpload(SourceWriter writer, UploadModel upload, MethodModel method)
    {
        var maxSize = upload.MaxSize is { } size ? size.ToString(CultureInfo.InvariantCulture) + "L" : "null";
        var accept = upload.Accept is { } a ? CSharp.Literal(a) : "null";
        writer.Line();
        var singleRequest = upload.SupportsSingleRequest ? string.Empty : ", supportsSingleRequest: false";
        writer.Line("private static readonly " + KnownTypes.MediaUploadLimits + " " + MemberNames.UploadLimits + " = new(" + accept + ", " + maxSize + ", " + (upload.SupportsResumable ? "true" : "false") + singleRequest + ");");
        EmitPath(writer, MemberNames.BuildUploadPath, upload.Path);
        writer.Line();
        writer.Line("protected override string " + MemberNames.UploadPathTemplate + " => " + CSharp.Literal(PathTemplate(upload.Path, method)) + ";");
    }

    /// <summary>The document's path template rebuilt from its parts: literals as they are, parameters by wire name.</summary>
    private static string PathTemplate(IReadOnlyList<PathPart> parts, MethodModel method)
    {
        var template = new StringBuilder();
        foreach (var part in parts)
        {
            if (part.Literal is { } literal)
            {
                template.Append(literal);
                continue;
            }

            var wireName = part.PropertyName;
            foreach (var parameter in method.Parameters)
            {
                if (parameter.PropertyName == part.PropertyName)
                {
                    wireName = parameter.WireName;
                    break;
                }
            }

            template.Append('{').Append(part.Reserved ? "+" : string.Empty).Append(wireName).Append('}');
        }

        return template.ToString();
    }

    private static void EmitPaging(SourceWriter writer, PagingModel paging, string responseType)
    {
        const string Token = "[" + KnownTypes.EnumeratorCancellation + "] " + KnownTypes.CancellationToken + " cancellationToken = default";
        writer.Line();
        writer.Line("/// <summary>Every page, fetched as the enumeration proceeds; starts at the current page token.</summary>");
        writer.Open("public async " + KnownTypes.IAsyncEnumerable(responseType) + " " + MemberNames.PagesAsync + "(" + Token + ")");
        writer.Line("var start = " + paging.PageTokenProperty + ";");
        writer.Line("var token = start;");
        writer.Open("try");
        writer.Open("while (true)");
        writer.Line(paging.PageTokenProperty + " = token;");
        writer.Line("var page = await " + MemberNames.ExecuteAsync + "(cancellationToken).ConfigureAwait(false);");
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
            writer.Open("public async " + KnownTypes.IAsyncEnumerable(itemType.QualifiedName) + " " + MemberNames.ItemsAsync + "(" + Token + ")");
            writer.Open("await foreach (var page in " + KnownTypes.TaskAsyncEnumerableExtensions + ".ConfigureAwait(" + MemberNames.PagesAsync + "(cancellationToken), false))");
            writer.Open("if (page." + items + " is { } items)");
            writer.Open("foreach (var item in items)");
            writer.Line("yield return item;");
            writer.Close();
            writer.Close();
            writer.Close();
            writer.Close();
        }
    }
}
