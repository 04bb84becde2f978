using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace Farm.Server;

/// <summary>Every request the server received, in arrival order; each entry is completed when its response ends.</summary>
public sealed class RequestRecorder
{
    private readonly Lock gate = new();
    private readonly List<RecordedRequest> requests = [];

    /// <summary>A snapshot of all requests so far.</summary>
    public IReadOnlyList<RecordedRequest> All
    {
        get
        {
            lock (gate)
            {
                return [.. requests];
            }
        }
    }

    /// <summary>The requests of one kind, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Of(RequestKind kind) => All.Where(r => r.Kind == kind).ToList();

    /// <summary>Forgets everything recorded so far (e.g. after a test's set-up requests).</summary>
    public void Clear()
    {
        lock (gate)
        {
            requests.Clear();
        }
    }

    internal int Start(RecordedRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
            return requests.Count - 1;
        }
    }

    internal void Complete(int index, RecordedRequest request, RecordedRequest completed)
    {
        lock (gate)
        {
            // A Clear() between start and end leaves nothing to complete.
            if (index < requests.Count && ReferenceEquals(requests[index], request))
            {
                requests[index] = completed;
            }
        }
    }
}
