using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Discovery.Runtime.Tests.Infrastructure;
using Xunit;

namespace Discovery.Runtime.Tests.Retry;

/// <summary>The one retry authority: ErrorClassifier.Decide (what a failure means for this request) and Retrier (counting and waiting).</summary>
public sealed class RetryDecisionTests
{
    private static readonly Uri Target = new("https://api.example.com/farm/v1/animals");

    private static HttpError Status(int status, string method = "POST", string? body = null) => new((HttpStatusCode)status, body, method, Target);

    private static string GoogleError(string? reason = null, string? status = null)
        => "{\"error\":{\"code\":403,\"message\":\"m\"" + (status is null ? string.Empty : ",\"status\":\"" + status + "\"") +
           (reason is null ? string.Empty : ",\"errors\":[{\"reason\":\"" + reason + "\"}]") + "}}";

    [Theory]
    [InlineData(500, ErrorClass.Fatal)]
    [InlineData(502, ErrorClass.Fatal)]
    [InlineData(408, ErrorClass.Retry)]
    [InlineData(429, ErrorClass.Retry)]
    [InlineData(503, ErrorClass.Retry)]
    [InlineData(400, ErrorClass.Fatal)]
    public void A_post_is_repeated_only_when_the_server_cannot_have_acted(int status, ErrorClass expected)
        => Assert.Equal(expected, ErrorClassifier.Decide(Status(status), HttpMethod.Post, StepKind.Plain, retryNonIdempotent: false));

    [Theory]
    [InlineData("rateLimitExceeded", null, ErrorClass.Retry)]
    [InlineData("userRateLimitExceeded", null, ErrorClass.Retry)]
    [InlineData(null, "RESOURCE_EXHAUSTED", ErrorClass.Retry)]
    [InlineData("forbidden", null, ErrorClass.Fatal)]
    public void A_patch_refused_by_a_rate_limit_is_repeated_like_a_429(string? reason, string? status, ErrorClass expected)
        => Assert.Equal(expected, ErrorClassifier.Decide(Status(403, "PATCH", GoogleError(reason, status)), HttpMethod.Patch, StepKind.Plain, retryNonIdempotent: false));

    [Fact]
    public void Idempotent_methods_opt_ins_and_upload_steps_repeat_any_transient_failure()
    {
        Assert.Equal(ErrorClass.Retry, ErrorClassifier.Decide(Status(500, "GET"), HttpMethod.Get, StepKind.Plain, retryNonIdempotent: false));
        Assert.Equal(ErrorClass.Retry, ErrorClassifier.Decide(Status(500), HttpMethod.Post, StepKind.Plain, retryNonIdempotent: true));
        Assert.Equal(ErrorClass.Retry, ErrorClassifier.Decide(Status(500), HttpMethod.Post, StepKind.UploadInitiation, retryNonIdempotent: false));
        Assert.Equal(ErrorClass.Restart, ErrorClassifier.Decide(Status(404, "PUT"), HttpMethod.Put, StepKind.UploadSession, retryNonIdempotent: false));
        Assert.Equal(ErrorClass.Fatal, ErrorClassifier.Decide(Status(404), HttpMethod.Post, StepKind.UploadInitiation, retryNonIdempotent: false));
    }

    [Fact]
    public void A_post_is_sent_again_after_a_connection_that_was_never_made_but_not_after_a_reset()
    {
        var refused = new HttpRequestException("refused", new SocketException((int)SocketError.ConnectionRefused));
        var reset = new System.IO.IOException("reset", new SocketException((int)SocketError.ConnectionReset));

        Assert.Equal(ErrorClass.Retry, ErrorClassifier.Decide(refused, HttpMethod.Post, StepKind.Plain, retryNonIdempotent: false));
        Assert.Equal(ErrorClass.Fatal, ErrorClassifier.Decide(reset, HttpMethod.Post, StepKind.Plain, retryNonIdempotent: false));
        Assert.Equal(ErrorClass.Retry, ErrorClassifier.Decide(reset, HttpMethod.Put, StepKind.Plain, retryNonIdempotent: false));
    }

    [Fact]
    public async Task The_retrier_counts_attempts_and_waits_Retry_After_before_the_policy_delay()
    {
        var time = new RecordingTimeProvider();
        var retrier = new Retrier(new RetryPolicy { MaxAttempts = 3, InitialDelay = TimeSpan.FromSeconds(1), Jitter = 0 }, time);
        using var answer = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        answer.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        retrier.Heard(answer);
        Assert.True(retrier.Failed());
        await retrier.WaitAsync(async: true, CancellationToken.None);
        retrier.Heard(null);
        Assert.True(retrier.Failed());
        await retrier.WaitAsync(async: false, CancellationToken.None);

        Assert.False(retrier.Failed());
        Assert.Equal(new[] { TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(2) }, time.Delays.ToArray());
        retrier.Reset();
        Assert.True(retrier.Failed());
    }
}
