using System;
using System.Collections.Generic;

namespace Discovery.Generator.Naming;

/// <summary>
/// Every member name a generated class gets from its runtime base or from the emitter itself, written once.
/// A name the emitters spell is a constant they use, and the reserved sets below are built from the same
/// constants, so a member is reserved by the edit that introduces it and a wire name can never take it.
/// The runtime's names are listed per Discovery.Runtime class that declares them (constants for those the
/// emitters spell, plain strings for the rest); compiling generated code against the runtime checks them.
/// </summary>
internal static class MemberNames
{
    // Runtime members the emitters spell; the arrays further down say which base declares each.
    public const string WriteJson = nameof(WriteJson);
    public const string WriteProperties = nameof(WriteProperties);
    public const string NextProperty = nameof(NextProperty);
    public const string ReadUndeclared = nameof(ReadUndeclared);
    public const string RootUri = nameof(RootUri);
    public const string HasBody = nameof(HasBody);
    public const string BuildPath = nameof(BuildPath);
    public const string AddQueryParameters = nameof(AddQueryParameters);
    public const string WriteBody = nameof(WriteBody);
    public const string DownloadMediaCoreAsync = nameof(DownloadMediaCoreAsync);
    public const string DownloadMediaCore = nameof(DownloadMediaCore);
    public const string ExecuteAsync = nameof(ExecuteAsync);
    public const string ReadResponse = nameof(ReadResponse);
    public const string BuildUploadPath = nameof(BuildUploadPath);
    public const string UploadPathTemplate = nameof(UploadPathTemplate);

    // Generated on schema classes, service classes and request classes.
    public const string ReadJson = nameof(ReadJson);

    /// <summary>A schema's table of property names for its reader; no wire name derives to a leading "__".</summary>
    public const string JsonNames = "__JsonNames";
    public const string DefaultRootUrl = nameof(DefaultRootUrl);
    public const string DefaultServicePath = nameof(DefaultServicePath);
    public const string DefaultBatchPath = nameof(DefaultBatchPath);
    public const string Batch = nameof(Batch);
    public const string Scopes = nameof(Scopes);
    public const string UploadLimits = nameof(UploadLimits);
    public const string DownloadAsync = nameof(DownloadAsync);
    public const string Download = nameof(Download);
    public const string PagesAsync = nameof(PagesAsync);
    public const string ItemsAsync = nameof(ItemsAsync);

    /// <summary>The first argument of every generated request constructor.</summary>
    public const string ServiceArgument = "service";

    /// <summary>
    /// RequestBase's standard parameters by wire name and discovery type: a document's global parameter that
    /// matches one is already a property of every request, and its Pascal name is reserved on requests.
    /// </summary>
    public static readonly (string Wire, string Type)[] StandardParameters =
    {
        ("$.xgafv", "string"), ("access_token", "string"), ("alt", "string"), ("callback", "string"), ("fields", "string"), ("key", "string"),
        ("oauth_token", "string"), ("prettyPrint", "boolean"), ("quotaUser", "string"), ("upload_protocol", "string"), ("uploadType", "string"), ("userIp", "string"),
    };

    /// <summary>What every class inherits from object; resources and enum constant classes have no other members.</summary>
    public static readonly string[] ReservedOnEveryClass = { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals" };

    private static readonly string[] ApiObject = { "UnknownProperties", WriteJson, WriteProperties, NextProperty, ReadUndeclared };

    private static readonly string[] ServiceBase = { "Options", "HttpClient", RootUri, "BaseUri", "Dispose" };

    private static readonly string[] RequestBase = { "Service", "HttpMethod", "Checksum", HasBody, BuildPath, AddQueryParameters, WriteBody, DownloadMediaCoreAsync, DownloadMediaCore, "MethodId", "PathTemplate", UploadPathTemplate };

    private static readonly string[] ClientRequest = { "TResponse", "Execute", ExecuteAsync, ReadResponse, BuildUploadPath, "AttachMedia", "NextChunkCoreAsync", "ResumeUploadCoreAsync", "ResumeUploadCore", "CancelUploadCoreAsync", "UploadProgressChanged", "UploadSessionCreated", "UploadSessionCore", "Media" };

    private static readonly string[] MediaUploadRequest = { "ProgressChanged", "UploadSession", "NextChunkAsync", "ResumeAsync", "Resume", "CancelUploadAsync" };

    public static readonly string[] ReservedOnSchema = Reserve(ReservedOnEveryClass, ApiObject, new[] { ReadJson, JsonNames });

    public static readonly string[] ReservedOnService = Reserve(ReservedOnEveryClass, ServiceBase, new[] { DefaultRootUrl, DefaultServicePath, DefaultBatchPath, Batch });

    // Every request reserves the members of every request base, so a method's names do not depend on
    // whether it uploads media or has a response.
    public static readonly string[] ReservedOnRequest = Reserve(
        ReservedOnEveryClass,
        Array.ConvertAll(StandardParameters, p => Identifier.Pascal(p.Wire)),
        RequestBase,
        ClientRequest,
        MediaUploadRequest,
        new[] { UploadLimits, DownloadAsync, Download, PagesAsync, ItemsAsync });

    private static string[] Reserve(params string[][] groups)
    {
        var all = new List<string>();
        foreach (var group in groups)
        {
            all.AddRange(group);
        }

        return all.ToArray();
    }
}
