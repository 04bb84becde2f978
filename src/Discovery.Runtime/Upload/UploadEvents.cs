using System;

namespace Discovery.Runtime;

/// <summary>A request's upload events, held apart from it so that the upload code raises them without calling into the request.</summary>
internal sealed class UploadEvents
{
    public event Action<UploadProgress>? ProgressChanged;

    public event Action<UploadSessionData>? SessionCreated;

    public void Report(UploadProgress progress) => ProgressChanged?.Invoke(progress);

    public void Report(UploadSessionData session) => SessionCreated?.Invoke(session);
}
