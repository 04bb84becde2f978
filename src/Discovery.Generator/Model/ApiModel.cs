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

internal sealed record MethodModel(
    string Id,
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

/// <summary>Media upload: the media argument of the factory overload, and the limits and path of the simple protocol.</summary>
internal sealed record UploadModel(string ArgumentName, EquatableArray<PathPart> SimplePath, string? Accept, long? MaxSize, bool SupportsResumable);

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
