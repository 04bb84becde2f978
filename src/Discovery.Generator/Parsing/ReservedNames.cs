namespace Discovery.Generator.Parsing;

/// <summary>
/// Names a generated member must not take because the generated class or its runtime base already uses
/// them; a wire name that maps to one of these gets a numeric suffix like any other collision.
/// </summary>
internal static class ReservedNames
{
    private static readonly string[] ObjectMembers = { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals" };

    public static readonly string[] Schema = Concat(ObjectMembers, "UnknownProperties", "WriteJson", "ReadJson", "ReadUnknown", "WriteUnknown");

    public static readonly string[] Service = Concat(ObjectMembers, "Options", "HttpClient", "RootUri", "BaseUri", "Dispose", "DefaultRootUrl", "DefaultServicePath");

    public static readonly string[] Resource = ObjectMembers;

    public static readonly string[] RequestBase = Concat(
        ObjectMembers,
        "TResponse", "Service", "HttpMethod", "Execute", "ExecuteAsync", "BuildPath", "AddQueryParameters", "HasBody", "WriteBody",
        "ReadResponse", "AttachMedia", "BuildUploadPath", "NextChunkCoreAsync", "UploadProgressChanged", "UploadSessionCore",
        "ResumeUploadCoreAsync", "ResumeUploadCore", "CancelUploadCoreAsync", "UploadSessionCreated", "Media", "DownloadMediaCore",
        "Xgafv", "AccessToken", "Alt", "Callback", "Fields", "Key", "OauthToken", "PrettyPrint", "QuotaUser", "UploadProtocol", "UploadType", "UserIp");

    public static readonly string[] Request = Concat(
        RequestBase,
        "NextChunkAsync", "ProgressChanged", "UploadSession", "ResumeAsync", "Resume", "CancelUploadAsync", "DownloadAsync", "Download", "PagesAsync", "ItemsAsync", "UploadLimits");

    private static string[] Concat(string[] first, params string[] rest)
    {
        var all = new string[first.Length + rest.Length];
        first.CopyTo(all, 0);
        rest.CopyTo(all, first.Length);
        return all;
    }
}
