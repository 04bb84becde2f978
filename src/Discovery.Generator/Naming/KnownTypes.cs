namespace Discovery.Generator.Naming;

/// <summary>
/// The fully-qualified names of the runtime and framework types generated code uses, each namespace spelled
/// once. Generated code qualifies everything with global:: so that an API's own names (schemas called
/// Task, String or System) can never capture a reference.
/// </summary>
internal static class KnownTypes
{
    private const string Runtime = "global::Discovery.Runtime.";
    private const string RuntimeJson = Runtime + "Json.";
    private const string Bcl = "global::System.";
    private const string Collections = Bcl + "Collections.Generic.";

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
    public const string JsonIO = RuntimeJson + "JsonIO";
    public const string JsonPropertyNames = RuntimeJson + "JsonPropertyNames";
    public const string GoogleDateTime = RuntimeJson + "GoogleDateTime";
    public const string GoogleDuration = RuntimeJson + "GoogleDuration";

    public const string JsonElement = Bcl + "Text.Json.JsonElement";
    public const string Utf8JsonReader = Bcl + "Text.Json.Utf8JsonReader";
    public const string Utf8JsonWriter = Bcl + "Text.Json.Utf8JsonWriter";
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
