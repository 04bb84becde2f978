using System.Collections.Generic;
using System.Linq;

namespace Farm.Server;

/// <summary>Every request the server received, in arrival order; each entry is completed when its response ends.</summary>
public sealed class RequestRecorder : AppendOnlyLog<RecordedRequest>
{
    /// <summary>The requests of one kind, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Of(RequestKind kind) => All.Where(r => r.Kind == kind).ToList();
}
