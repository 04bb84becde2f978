using System;
using System.Collections.Generic;

namespace Discovery.Generator.Naming;

/// <summary>
/// Every member name a generated class gets from its runtime base or from the emitter itself, written once.
/// Emitters spell these members through the constants and the reserved sets below are built from the same
/// constants, so a new member is reserved by the edit that introduces it and a wire name can never take it.
/// The runtime's names are grouped by the Discovery.Runtime class that declares them; they are checked
/// against the runtime by compiling generated code, not by reflection, because the generator cannot load it.
/// </summary>
internal static class MemberNames
{
    // Discovery.Runtime.Json.ApiObject.
    public const string UnknownProperties = nameof(UnknownProperties);
    public const string WriteJson = nameof(WriteJson);
    public const string ReadUnknown = nameof(ReadUnknown);
    public const string WriteUnknown = nameof(WriteUnknown);

    // Discovery.Runtime.ServiceBase.
    public const string Options = nameof(Options);
    public const string HttpClient = nameof(HttpClient);
    public const string RootUri = nameof(RootUri);
    public const string BaseUri = nameof(BaseUri);
    public const string Dispose = nameof(Dispose);

    // Discovery.Runtime.RequestBase (its standard parameters are in StandardParameters).
    public const string Service = nameof(Service);
    public const string HttpMethod = nameof(HttpMethod);
    public const string HasBody = nameof(HasBody);
    public const string BuildPath = nameof(BuildPath);
    public const string AddQueryParameters = nameof(AddQueryParameters);
    public const string WriteBody = nameof(WriteBody);
    public const string DownloadMediaCoreAsync = nameof(DownloadMediaCoreAsync);
    public const string DownloadMediaCore = nameof(DownloadMediaCore);

    // Discovery.Runtime.ClientRequest and ClientRequest<TResponse>.
    public const string TResponse = nameof(TResponse);
    public const string Execute = nameof(Execute);
    public const string ExecuteAsync = nameof(ExecuteAsync);
    public const string ReadResponse = nameof(ReadResponse);
    public const string BuildUploadPath = nameof(BuildUploadPath);
    public const string AttachMedia = nameof(AttachMedia);
    public const string NextChunkCoreAsync = nameof(NextChunkCoreAsync);
    public const string ResumeUploadCoreAsync = nameof(ResumeUploadCoreAsync);
    public const string ResumeUploadCore = nameof(ResumeUploadCore);
    public const string CancelUploadCoreAsync = nameof(CancelUploadCoreAsync);
    public const string UploadProgressChanged = nameof(UploadProgressChanged);
    public const string UploadSessionCreated = nameof(UploadSessionCreated);
    public const string UploadSessionCore = nameof(UploadSessionCore);
    public const string Media = nameof(Media);

    // Discovery.Runtime.MediaUploadRequest<TResponse>.
    public const string ProgressChanged = nameof(ProgressChanged);
    public const string UploadSession = nameof(UploadSession);
    public const string NextChunkAsync = nameof(NextChunkAsync);
    public const string ResumeAsync = nameof(ResumeAsync);
    public const string Resume = nameof(Resume);
    public const string CancelUploadAsync = nameof(CancelUploadAsync);

    // Generated on schema classes, service classes and request classes.
    public const string ReadJson = nameof(ReadJson);
    public const string DefaultRootUrl = nameof(DefaultRootUrl);
    public const string DefaultServicePath = nameof(DefaultServicePath);
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

    public static readonly string[] ReservedOnSchema = Reserve(ReservedOnEveryClass, UnknownProperties, WriteJson, ReadUnknown, WriteUnknown, ReadJson);

    public static readonly string[] ReservedOnService = Reserve(ReservedOnEveryClass, Options, HttpClient, RootUri, BaseUri, Dispose, DefaultRootUrl, DefaultServicePath);

    // Every request reserves the members of every request base, so a method's names do not depend on
    // whether it uploads media or has a response.
    public static readonly string[] ReservedOnRequest = Reserve(
        Reserve(ReservedOnEveryClass, Array.ConvertAll(StandardParameters, p => Identifier.Pascal(p.Wire))),
        Service, HttpMethod, HasBody, BuildPath, AddQueryParameters, WriteBody, DownloadMediaCoreAsync, DownloadMediaCore,
        TResponse, Execute, ExecuteAsync, ReadResponse, BuildUploadPath, AttachMedia, NextChunkCoreAsync, ResumeUploadCoreAsync, ResumeUploadCore,
        CancelUploadCoreAsync, UploadProgressChanged, UploadSessionCreated, UploadSessionCore, Media,
        ProgressChanged, UploadSession, NextChunkAsync, ResumeAsync, Resume, CancelUploadAsync,
        UploadLimits, DownloadAsync, Download, PagesAsync, ItemsAsync);

    private static string[] Reserve(string[] inherited, params string[] own)
    {
        var all = new List<string>(inherited);
        all.AddRange(own);
        return all.ToArray();
    }
}
