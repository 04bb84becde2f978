using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// Sends a batch's calls and retries them per call. Each round sends the open calls in order, at most
/// <c>maxCalls</c> per HTTP request, one request after another; a call whose answer (or whose request's failure)
/// the <see cref="Retrier"/> calls retryable joins the next round, which waits once for the longest wait any of its
/// calls is owed. A call that succeeded or failed for good is never sent again.
/// </summary>
internal sealed class BatchExecutor
{
    private const int MaxErrorBody = 64 * 1024;

    // Larger declared lengths are read as they come rather than trusted with one allocation.
    private const long MaxExactBody = 64L * 1024 * 1024;

    private readonly HttpPipeline _pipeline;
    private readonly Uri _uri;
    private readonly int _maxCalls;
    private bool? _refreshed;
    private HttpRequestMessage? _sent;

    public BatchExecutor(HttpPipeline pipeline, Uri uri, int maxCalls)
    {
        _pipeline = pipeline;
        _uri = uri;
        _maxCalls = maxCalls;
    }

    public async Task RunAsync(IReadOnlyList<BatchCall> calls, CancellationToken cancellationToken)
    {
        var open = new List<BatchCall>(calls);
        while (open.Count > 0)
        {
            _refreshed = null;
            var again = new List<BatchCall>();
            for (int start = 0; start < open.Count; start += _maxCalls)
            {
                var group = open.GetRange(start, Math.Min(_maxCalls, open.Count - start));
                await SendAsync(group, cancellationToken).ConfigureAwait(false);
                foreach (var call in group)
                {
                    if (!call.IsComplete)
                    {
                        again.Add(call);
                    }
                }
            }

            await WaitAsync(again, cancellationToken).ConfigureAwait(false);
            open = again;
        }
    }

    /// <summary>One HTTP request for <paramref name="group"/>; every call is either complete or marked to go again after it.</summary>
    private async Task SendAsync(List<BatchCall> group, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _uri) { Content = BatchWriter.Write(group) };
        _sent = request;
        Exception failure;
        RetryConditionHeaderValue? retryAfter = null;
        bool answered = false;
        try
        {
            using var response = await _pipeline.SendOnceAsync(request, async: true, cancellationToken).ConfigureAwait(false);
            answered = true;
            if (response.IsSuccessStatusCode)
            {
                byte[] body = await ReadBodyAsync(response, cancellationToken).ConfigureAwait(false);
                await DistributeAsync(group, response.Content.Headers.ContentType, body, cancellationToken).ConfigureAwait(false);
                return;
            }

            retryAfter = response.Headers.RetryAfter;
            failure = await ResponseBody.ReadErrorAsync(response, request, async: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ErrorClassifier.IsTransportFailure(e, cancellationToken))
        {
            failure = e;
        }

        // The request as a whole failed. A connection lost before any answer sends everything again; otherwise each call
        // is decided as it would be alone, so a 503 sends everything again and a 500 or a cut answer only what may
        // safely run twice.
        var kind = answered ? StepKind.Plain : StepKind.UnansweredBatch;
        foreach (var call in group)
        {
            await FailedAsync(call, failure, retryAfter, kind, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DistributeAsync(List<BatchCall> group, MediaTypeHeaderValue? type, byte[] body, CancellationToken cancellationToken)
    {
        var answers = new Dictionary<string, BatchAnswer>(StringComparer.Ordinal);
        string? boundary = Boundary(type);
        if (boundary is not null)
        {
            foreach (var answer in BatchResponseParser.Parse(body, boundary))
            {
                // Only an id this request sent counts; a repeated one keeps its first answer.
                if (answer.ContentId is { } id && !answers.ContainsKey(id))
                {
                    answers.Add(id, answer);
                }
            }
        }

        foreach (var call in group)
        {
            if (!answers.TryGetValue(call.ContentId, out var answer))
            {
                string why = boundary is null
                    ? "the batch response is not multipart/mixed with a boundary (Content-Type: " + (type?.ToString() ?? "none") + ")"
                    : "the batch response has no part with Content-ID response-" + call.ContentId;
                await FailedAsync(call, Unreadable(call, why), null, StepKind.Plain, cancellationToken).ConfigureAwait(false);
            }
            else if (answer.Problem is { } problem)
            {
                await FailedAsync(call, Unreadable(call, problem), null, StepKind.Plain, cancellationToken).ConfigureAwait(false);
            }
            else if (answer.IsSuccess)
            {
                call.Succeed(answer.Body);
            }
            else
            {
                // The same error the call raises alone: its own status, body, verb and URI.
                string? text = answer.Body.Length == 0 ? null : Encoding.UTF8.GetString(answer.Body.Span.Slice(0, Math.Min(answer.Body.Length, MaxErrorBody)));
                var error = new HttpError(answer.Status, text, call.Method.Method, call.Description.Uri);
                await FailedAsync(call, error, answer.RetryAfter, StepKind.Plain, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The whole batch response: every call's answer is sliced from it, so it is read once into an array of its declared length.</summary>
    private static async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentLength is not long length || length > MaxExactBody)
        {
            return await ResponseBody.ReadBytesAsync(response, async: true, cancellationToken).ConfigureAwait(false);
        }

        var buffer = new byte[length];
        using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        int total = 0;
        int read;
        while (total < buffer.Length && (read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)) > 0)
        {
            total += read;
        }

        // A bare IOException is a connection that ended mid-body: transient, and ambiguous for calls that are not idempotent.
        return total == buffer.Length ? buffer : throw new IOException("The batch response ended after " + total + " of its " + length + " bytes.");
    }

    /// <summary>Marks a failed call to go again, or completes it with <paramref name="failure"/>.</summary>
    private async ValueTask FailedAsync(BatchCall call, Exception failure, RetryConditionHeaderValue? retryAfter, StepKind kind, CancellationToken cancellationToken)
    {
        if (failure is HttpError { StatusCode: HttpStatusCode.Unauthorized })
        {
            if (!call.CredentialsRefreshed && RefreshOnce())
            {
                call.CredentialsRefreshed = true;
                call.WantsBackoff = false;
                return;
            }

            call.Fail(failure);
            return;
        }

        call.Retrier.HeardRetryAfter(retryAfter);
        if (call.Retrier.Decide(failure, call.Method, kind) == ErrorClass.Retry && call.Retrier.Failed())
        {
            call.WantsBackoff = true;
            call.LastFailure = failure;
            return;
        }

        call.Fail(failure);
    }

    /// <summary>
    /// Forgets the token the refused request carried, at most once per round however many calls were refused, so the
    /// next request is authorized afresh; false when the request carried none of this service's credentials.
    /// </summary>
    private bool RefreshOnce() => _refreshed ??= _sent is not null && _pipeline.TokenRejected(_sent);

    /// <summary>Before the next round: the longest wait any of its calls is owed (the largest Retry-After, or the policy's backoff).</summary>
    private static async ValueTask WaitAsync(List<BatchCall> again, CancellationToken cancellationToken)
    {
        TimeSpan delay = TimeSpan.Zero;
        BatchCall? longest = null;
        foreach (var call in again)
        {
            if (call.WantsBackoff)
            {
                var owed = call.Retrier.TakeDelay();
                if (longest is null || owed > delay)
                {
                    (delay, longest) = (owed, call);
                }
            }
        }

        if (longest is not null)
        {
            await longest.Retrier.WaitAsync(delay, async: true, cancellationToken, longest.LastFailure).ConfigureAwait(false);
        }
    }

    private static BatchResponseException Unreadable(BatchCall call, string why)
        => new("No answer for " + call.Method.Method + " " + UriRedactor.Redact(call.Description.Uri) + " in the batch: " + why + ".", call.Method.Method, call.Description.Uri, call.ContentId);

    private static string? Boundary(MediaTypeHeaderValue? type)
    {
        if (type is null || !string.Equals(type.MediaType, "multipart/mixed", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var parameter in type.Parameters)
        {
            if (string.Equals(parameter.Name, "boundary", StringComparison.OrdinalIgnoreCase) && parameter.Value is { Length: > 0 } value)
            {
                return value.Trim('"');
            }
        }

        return null;
    }
}
