using System.Collections.Generic;

namespace Discovery.Generator.Naming;

/// <summary>
/// The names of the runtime and framework types generated code uses, each namespace spelled once. Every
/// generated file opens with the same using aliases (see <see cref="Aliases"/>), each naming a namespace from
/// global::, and every reference goes through one of them or through global:: itself, so that an API's own
/// names (schemas called Task, String or System) can never capture a reference. No wire name derives to an
/// identifier with a leading "__" (see <see cref="Identifier"/>), so no generated member can hide an alias.
/// The aliases are short because they are on most lines: spelled out, the namespaces were a tenth of a
/// client's bytes.
/// </summary>
internal static class KnownTypes
{
    /// <summary>The document's namespace: the service, its resources and their requests.</summary>
    public const string ServiceAlias = "__S";

    /// <summary>The document's <c>Data</c> namespace: its schema classes.</summary>
    public const string DataAlias = "__D";

    /// <summary>The runtime's JSON helpers; the shortest alias, because it is on most lines.</summary>
    public const string JsonIOAlias = "__J";

    /// <summary>The runtime's property-name tables, one field per schema class.</summary>
    public const string JsonPropertyNamesAlias = "__N";

    private const string RuntimeAlias = "__R";
    private const string TextJsonAlias = "__T";
    private const string CollectionsAlias = "__C";

    private const string Runtime = RuntimeAlias + ".";
    private const string RuntimeJson = Runtime + "Json.";
    private const string Bcl = "global::System.";
    private const string Collections = CollectionsAlias + ".";

    /// <summary>
    /// The using directives every file starts with: alias and what it names. A using alias cannot name
    /// another, so each is spelled from global::. <paramref name="hasData"/> says whether the Data namespace
    /// exists (an alias of a namespace nobody declares does not compile).
    /// </summary>
    public static IEnumerable<(string Alias, string Target)> Aliases(string serviceNamespace, bool hasData)
    {
        yield return (ServiceAlias, "global::" + serviceNamespace);
        if (hasData)
        {
            yield return (DataAlias, "global::" + serviceNamespace + ".Data");
        }

        yield return (RuntimeAlias, "global::Discovery.Runtime");
        yield return (TextJsonAlias, "global::System.Text.Json");
        yield return (CollectionsAlias, "global::System.Collections.Generic");
        yield return (JsonIOAlias, "global::Discovery.Runtime.Json.JsonIO");
        yield return (JsonPropertyNamesAlias, "global::Discovery.Runtime.Json.JsonPropertyNames");
    }

    public const string ServiceBase = Runtime + "ServiceBase";
    public const string ServiceOptions = Runtime + "ServiceOptions";
    public const string ClientRequest = Runtime + "ClientRequest";
    public const string MediaUpload = Runtime + "MediaUpload";
    public const string MediaUploadLimits = Runtime + "MediaUploadLimits";
    public const string DownloadProgress = Runtime + "DownloadProgress";
    public const string ParameterFormat = Runtime + "ParameterFormat";
    public const string UriTemplate = Runtime + "UriTemplate";
    public const string QueryBuilder = Runtime + "QueryBuilder";
    public const string BatchRequest = Runtime + "BatchRequest";

    public const string ApiObject = RuntimeJson + "ApiObject";
    public const string GoogleDateTime = RuntimeJson + "GoogleDateTime";
    public const string GoogleDuration = RuntimeJson + "GoogleDuration";

    public const string JsonElement = TextJsonAlias + ".JsonElement";
    public const string Utf8JsonReader = TextJsonAlias + ".Utf8JsonReader";
    public const string Utf8JsonWriter = TextJsonAlias + ".Utf8JsonWriter";
    public const string Obsolete = Bcl + "Obsolete";
    public const string ArgumentNullException = Bcl + "ArgumentNullException";
    public const string HttpClient = Bcl + "Net.Http.HttpClient";
    public const string Stream = Bcl + "IO.Stream";
    public const string Task = Bcl + "Threading.Tasks.Task";
    public const string TaskAsyncEnumerableExtensions = Bcl + "Threading.Tasks.TaskAsyncEnumerableExtensions";
    public const string CancellationToken = Bcl + "Threading.CancellationToken";
    public const string EnumeratorCancellation = Bcl + "Runtime.CompilerServices.EnumeratorCancellation";

    public static string ClientRequestOf(string response) => Generic(ClientRequest, response);
    public static string MediaUploadRequestOf(string response) => Generic(Runtime + "MediaUploadRequest", response);
    public static string JsonReadFunc(string type) => Generic(RuntimeJson + "JsonReadFunc", type);
    public static string JsonWriteFunc(string type) => Generic(RuntimeJson + "JsonWriteFunc", type);
    public static string Action(string type) => Generic(Bcl + "Action", type);
    public static string IList(string element) => Generic(Collections + "IList", element);
    public static string IDictionary(string key, string value) => Generic(Collections + "IDictionary", key + ", " + value);
    public static string IAsyncEnumerable(string element) => Generic(Collections + "IAsyncEnumerable", element);

    private static string Generic(string type, string argument) => type + "<" + argument + ">";
}
