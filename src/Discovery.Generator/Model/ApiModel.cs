using Discovery.Generator.Common;

namespace Discovery.Generator.Model;

/// <summary>The service class, its top-level methods, and its OAuth scopes (a constants class like an enum's).</summary>
internal sealed record ServiceModel(
    TypeRef Type,
    string Title,
    string? Description,
    string? DocumentationLink,
    string RootUrl,
    string ServicePath,
    EquatableArray<ResourceRefModel> Resources,
    EquatableArray<MethodModel> Methods,
    string? BatchPath,
    EnumModel? Scopes = null);

/// <summary>A top-level resource as the service class sees it: a property and the class it returns.</summary>
internal sealed record ResourceRefModel(string PropertyName, TypeRef Type, string? Description, bool Deprecated);

internal sealed record ResourceModel(
    string WireName,
    TypeRef Type,
    string PropertyName,
    string? Description,
    bool Deprecated,
    EquatableArray<MethodModel> Methods,
    EquatableArray<ResourceModel> Resources);

/// <summary>A method; <see cref="WireName"/> is its key in the document's methods map, which the Methods selection matches.</summary>
internal sealed record MethodModel(
    string Id,
    string WireName,
    string MethodName,
    TypeRef Request,
    string HttpMethod,
    EquatableArray<PathPart> Path,
    string? Description,
    bool Deprecated,
    BodyModel? Body,
    TypeModel? Response,
    EquatableArray<ParameterModel> Parameters,
    UploadModel? Upload,
    bool SupportsDownload,
    PagingModel? Paging,
    EquatableArray<SchemaModel> InlineSchemas);

/// <summary>A request body: a constructor argument kept in a property of the request.</summary>
internal sealed record BodyModel(TypeModel Type, string PropertyName, string ArgumentName);

/// <summary>A piece of a method path: literal text, or a parameter expanded simply or reserved ({+name}).</summary>
internal sealed record PathPart(string? Literal, string? PropertyName, bool Reserved, bool Repeated, bool IsString = false);

internal sealed record ParameterModel(
    string WireName,
    string PropertyName,
    string? ArgumentName,
    TypeModel Type,
    bool Repeated,
    bool InPath,
    string? Description,
    bool Deprecated,
    string? DefaultValue,
    EnumModel? Enum);

/// <summary>
/// Media upload: the media argument of the factory overload, the limits, and the upload path: the simple
/// protocol's, or the resumable one's when the method has only that (and then no single-request upload).
/// </summary>
internal sealed record UploadModel(string ArgumentName, EquatableArray<PathPart> Path, string? Accept, long? MaxSize, bool SupportsResumable, bool SupportsSingleRequest = true);

/// <summary>A list method: pageToken parameter in, nextPageToken out, and the one array of items if there is one.</summary>
internal sealed record PagingModel(string PageTokenProperty, string NextPageTokenProperty, string? ItemsProperty, TypeModel? ItemType);

internal sealed record SchemaModel(
    string WireName,
    TypeRef Type,
    string? Description,
    bool Deprecated,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<SchemaModel> Nested);

internal sealed record PropertyModel(
    string WireName,
    string PropertyName,
    TypeModel Type,
    string? Description,
    bool Deprecated,
    bool ReadOnly,
    EnumModel? Enum);

/// <summary>Known values of a string enum, as constants in a nested static class (unknown values still round-trip).</summary>
internal sealed record EnumModel(string ClassName, EquatableArray<EnumValueModel> Values);

internal sealed record EnumValueModel(string Name, string Value, string? Description, bool Deprecated);
