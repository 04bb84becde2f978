namespace Discovery.Runtime;

/// <summary>What a request tells listeners about itself; generated requests give these from the discovery document.</summary>
public abstract partial class RequestBase
{
    /// <summary>The discovery method id (<c>farm.animals.get</c>): the name of the call's activity and its metrics' method.</summary>
    protected string? MethodId { get; }

    /// <summary>The method's path template (<c>animals/{animalId}</c>), relative like <see cref="BuildPath"/>: the call's <c>url.template</c>.</summary>
    protected string? PathTemplate { get; }

    /// <summary>The upload path template (<c>/upload/farm/v1/animals</c>), relative to <see cref="ServiceBase.RootUri"/>.</summary>
    protected virtual string? UploadPathTemplate => null;

    /// <summary>Starts observing one call of this request (null when nothing listens); <paramref name="upload"/> selects the upload path.</summary>
    internal CallTelemetry? StartCall(bool upload)
        => CallTelemetry.Start(Pipeline.Telemetry, MethodId, HttpMethod, upload ? UploadPathTemplate : PathTemplate, relativeToRoot: upload);
}
