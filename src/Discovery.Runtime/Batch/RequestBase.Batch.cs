using System;
using System.Threading;

namespace Discovery.Runtime;

/// <summary>What a batch needs of a request: that it is used once (alone or in one batch), and whether it carries media.</summary>
public abstract partial class RequestBase
{
    private const int Unused = 0;
    private const int ExecutedAlone = 1;
    private const int InBatch = 2;

    private int _use;

    /// <summary>Whether media is attached (uploads cannot travel in a batch).</summary>
    internal virtual bool HasMedia => false;

    /// <summary>Marks the request as sent on its own; one that was added to a batch gets its outcome from the batch instead.</summary>
    internal void MarkExecuted()
    {
        if (Interlocked.CompareExchange(ref _use, ExecutedAlone, Unused) == InBatch)
        {
            throw new InvalidOperationException("This request was added to a batch; its outcome is the task that BatchRequest.Add returned.");
        }
    }

    /// <summary>Claims the request for one batch; a request already executed or batched would run twice.</summary>
    internal void ClaimForBatch(string paramName)
    {
        switch (Interlocked.CompareExchange(ref _use, InBatch, Unused))
        {
            case ExecutedAlone:
                throw new ArgumentException("This request was already executed; create a new request to send the call again in a batch.", paramName);
            case InBatch:
                throw new ArgumentException("This request was already added to a batch; each request is sent once.", paramName);
        }
    }

    /// <summary>The plain (non-media) call as the batch sends it: the same verb, URI and JSON body as executing it alone.</summary>
    internal RequestDescription DescribeForBatch() => Describe(BuildPath(), relativeToRoot: false, null);
}
