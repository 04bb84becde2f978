using Discovery.Generator.Common;

namespace Discovery.Generator.Model;

/// <summary>One generated source file's worth of model: exactly one of the payloads is set.</summary>
internal sealed record OutputUnit(string HintName, ServiceModel? Service, ResourceModel? Resource, SchemaGroupModel? Schemas, FileContext Context);

/// <summary>What every file of one document needs to know.</summary>
internal sealed record FileContext(string Namespace, string ClientName, string SourceFile, bool DataWrapper = false);

/// <summary>The service class and its top-level methods.</summary>
internal sealed record ServiceModel(
    string Title,
    string? Description,
    string? DocumentationLink,
    string RootUrl,
    string ServicePath,
    EquatableArray<ResourceRefModel> Resources,
    EquatableArray<MethodModel> Methods);

/// <summary>A top-level resource as the service class sees it: a property and the class it returns.</summary>
internal sealed record ResourceRefModel(string PropertyName, string ClassName, string? Description, bool Deprecated);

internal sealed record ResourceModel(
    string WireName,
    string ClassName,
    string PropertyName,
    string? Description,
    bool Deprecated,
    EquatableArray<MethodModel> Methods,
    EquatableArray<ResourceModel> Resources);

internal sealed record MethodModel(
    string Id,
    string MethodName,
    string RequestClassName,
    string HttpMethod,
    EquatableArray<PathPart> Path,
    string? Description,
    bool Deprecated,
    TypeModel? Body,
    string BodyPropertyName,
    string BodyArgumentName,
    TypeModel? Response,
    EquatableArray<ParameterModel> Parameters,
    UploadModel? Upload,
    string MediaArgumentName,
    bool SupportsDownload,
    PagingModel? Paging,
    EquatableArray<SchemaModel> InlineSchemas);

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

internal sealed record UploadModel(EquatableArray<PathPart> SimplePath, string? Accept, long? MaxSize, bool SupportsResumable);

/// <summary>A list method: pageToken parameter in, nextPageToken out, and the one array of items if there is one.</summary>
internal sealed record PagingModel(string PageTokenProperty, string NextPageTokenProperty, string? ItemsProperty, TypeModel? ItemType);

internal sealed record SchemaGroupModel(string Key, EquatableArray<SchemaModel> Schemas);

internal sealed record SchemaModel(
    string WireName,
    string ClassName,
    string FullName,
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
