using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// Many calls of one service in one HTTP request (Google's batch format, <c>multipart/mixed</c> to the document's
/// batchPath). <see cref="Add{TResponse}(ClientRequest{TResponse})"/> returns each call's task;
/// <see cref="ExecuteAsync"/> sends them and completes once every task has its outcome. Calls are answered by
/// Content-ID in any order, and retried per call under the service's <see cref="RetryPolicy"/>: a follow-up
/// request carries only the calls that came back retryable, never one that succeeded. Add calls from one thread.
/// </summary>
public sealed class BatchRequest
{
    /// <summary>The most calls one HTTP request may carry; Google's batch endpoints refuse more.</summary>
    public const int MaxCallsLimit = 1000;

    // What a batch's activity and metrics are named by, where a single call has its method id.
    private const string TelemetryName = "batch";

    private readonly ServiceBase _service;
    private readonly string _batchPath;
    private readonly List<BatchCall> _calls = new();
    private readonly string _idPrefix = Guid.NewGuid().ToString("N").Substring(0, 12);
    private int _maxCallsPerRequest = 100;
    private int _executed;

    /// <summary>A batch of <paramref name="service"/>'s calls, sent to its root URI plus <paramref name="batchPath"/>.</summary>
    public BatchRequest(ServiceBase service, string batchPath)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentException.ThrowIfNullOrWhiteSpace(batchPath);
        _service = service;
        _batchPath = batchPath.TrimStart('/');
        Uri = new Uri(service.RootUri.AbsoluteUri + _batchPath);
    }

    /// <summary>Where the batch is posted: <see cref="ServiceBase.RootUri"/> plus the document's batchPath.</summary>
    public Uri Uri { get; }

    /// <summary>
    /// The most calls sent in one HTTP request (1 to 1000; 100 by default, the limit of Cloud Storage, Drive and
    /// Gmail). More calls are split over several requests, sent one after another in the order they were added.
    /// </summary>
    public int MaxCallsPerRequest
    {
        get => _maxCallsPerRequest;
        set
        {
            if (value is < 1 or > MaxCallsLimit)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "A batch request carries 1 to " + MaxCallsLimit + " calls.");
            }

            _maxCallsPerRequest = value;
        }
    }

    /// <summary>The calls added so far.</summary>
    public int Count => _calls.Count;

    /// <summary>
    /// Adds a call that has a response. The request is captured now (later changes to it do not reach the batch).
    /// The task completes with the typed response, or faults with the <see cref="HttpError"/> the call would raise alone.
    /// </summary>
    /// <exception cref="ArgumentException">The request belongs to another service, was already added or executed, carries media, or asks for a download.</exception>
    public Task<TResponse> Add<TResponse>(ClientRequest<TResponse> request)
    {
        var description = Admit(request);
        var call = new BatchCall<TResponse>(description, NextId(), _service.Pipeline.NewRetrier(), request.ParseResponse);
        Enlist(request, call);
        return call.Outcome;
    }

    /// <summary>Adds a call without a response (a delete, say); the task completes when the server confirmed it.</summary>
    /// <exception cref="ArgumentException">The request belongs to another service, or was already added or executed.</exception>
    public Task Add(ClientRequest request)
    {
        var description = Admit(request);
        var call = new BatchCall<bool>(description, NextId(), _service.Pipeline.NewRetrier(), static _ => true);
        Enlist(request, call);
        return call.Task;
    }

    /// <summary>
    /// Sends every call and returns once each task returned by Add has its final outcome. Failures of single calls
    /// are on their tasks; this throws only when the batch as a whole cannot run: on cancellation (the calls without
    /// an outcome yet are cancelled) or when it was already executed.
    /// </summary>
    public async Task ExecuteAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _executed, 1) != 0)
        {
            throw new InvalidOperationException("This batch was already executed; create a new one for more calls.");
        }

        if (_calls.Count == 0)
        {
            return;
        }

        // One Client activity for the whole batch: its HTTP requests are its children, its follow-up rounds its retries.
        using var telemetry = CallTelemetry.Start(_service.Pipeline.Telemetry, TelemetryName, "POST", _batchPath, relativeToRoot: true);
        try
        {
            await RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (CallTelemetry.Ends(telemetry, e, cancellationToken))
        {
            throw;
        }
        finally
        {
            telemetry?.BatchEnded(_calls.Count, _calls.Count(c => c.Task.IsFaulted));
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await new BatchExecutor(_service.Pipeline, Uri, _maxCallsPerRequest).RunAsync(_calls, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            foreach (var call in _calls)
            {
                call.Cancel(cancellationToken);
            }

            throw;
        }
        catch (Exception e)
        {
            // Not a call's failure but the batch's own (a defect or an unforeseen error): no task may be left pending.
            foreach (var call in _calls)
            {
                call.Fail(e);
            }

            throw;
        }
    }

    private RequestDescription Admit(RequestBase request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Volatile.Read(ref _executed) != 0)
        {
            throw new InvalidOperationException("This batch was already executed; create a new one for more calls.");
        }

        if (!ReferenceEquals(request.Service, _service))
        {
            throw new ArgumentException("This request belongs to another service object; a batch carries calls of the service that created it.", nameof(request));
        }

        if (request.HasMedia)
        {
            throw new ArgumentException("A request with media cannot be batched (Google's batch endpoints refuse uploads); execute it on its own.", nameof(request));
        }

        if (string.Equals(request.Alt, "media", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("A media download (Alt = \"media\") cannot be batched (Google's batch endpoints refuse downloads); download it on its own.", nameof(request));
        }

        return request.DescribeForBatch();
    }

    private void Enlist(RequestBase request, BatchCall call)
    {
        request.ClaimForBatch(nameof(request));
        _calls.Add(call);
    }

    private string NextId() => _idPrefix + "+" + (_calls.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
