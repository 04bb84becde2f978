using System;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using Xunit;

namespace Discovery.Runtime.Tests.Retry;

public sealed class ErrorClassifierTests
{
    [Theory]
    [InlineData(408, ErrorClass.Retry)]
    [InlineData(429, ErrorClass.Retry)]
    [InlineData(500, ErrorClass.Retry)]
    [InlineData(502, ErrorClass.Retry)]
    [InlineData(503, ErrorClass.Retry)]
    [InlineData(504, ErrorClass.Retry)]
    [InlineData(400, ErrorClass.Fatal)]
    [InlineData(401, ErrorClass.Fatal)]
    [InlineData(403, ErrorClass.Fatal)]
    [InlineData(404, ErrorClass.Fatal)]
    [InlineData(410, ErrorClass.Fatal)]
    [InlineData(501, ErrorClass.Fatal)]
    public void Statuses_of_plain_requests(int status, ErrorClass expected)
        => Assert.Equal(expected, ErrorClassifier.Classify((HttpStatusCode)status));

    [Theory]
    [InlineData(404)]
    [InlineData(410)]
    public void A_missing_upload_session_means_restart(int status)
        => Assert.Equal(ErrorClass.Restart, ErrorClassifier.Classify((HttpStatusCode)status, (string?)null, uploadSession: true));

    [Theory]
    [InlineData("rateLimitExceeded", ErrorClass.Retry)]
    [InlineData("userRateLimitExceeded", ErrorClass.Retry)]
    [InlineData("forbidden", ErrorClass.Fatal)]
    [InlineData("dailyLimitExceeded", ErrorClass.Fatal)]
    public void A_403_is_retried_only_for_rate_limit_reasons(string reason, ErrorClass expected)
    {
        string body = "{\"error\":{\"code\":403,\"message\":\"m\",\"errors\":[{\"reason\":\"" + reason + "\"}]}}";

        Assert.Equal(expected, ErrorClassifier.Classify(HttpStatusCode.Forbidden, body));
    }

    [Theory]
    [InlineData("rateLimitExceeded", ErrorClass.Retry)]
    [InlineData("forbidden", ErrorClass.Fatal)]
    [InlineData("<html>rateLimitExceeded</html>", ErrorClass.Fatal)]
    public void A_bare_reason_is_accepted_in_place_of_a_body(string reason, ErrorClass expected)
        => Assert.Equal(expected, ErrorClassifier.Classify(HttpStatusCode.Forbidden, reason));

    [Fact]
    public void Transport_failures_are_retried_and_tls_failures_are_not()
    {
        Assert.Equal(ErrorClass.Retry, ErrorClassifier.Classify(new HttpRequestException(HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused))));
        Assert.Equal(ErrorClass.Retry, ErrorClassifier.Classify(new IOException("reset", new SocketException((int)SocketError.ConnectionReset))));
        Assert.Equal(ErrorClass.Retry, ErrorClassifier.Classify(new HttpRequestException(HttpRequestError.ResponseEnded, "ended")));
        Assert.Equal(ErrorClass.Retry, ErrorClassifier.Classify(new TaskCanceledExceptionWithTimeout()));
        Assert.Equal(ErrorClass.Fatal, ErrorClassifier.Classify(new HttpRequestException(HttpRequestError.SecureConnectionError, "tls")));
        Assert.Equal(ErrorClass.Fatal, ErrorClassifier.Classify(new InvalidOperationException()));
    }

    [Fact]
    public void Google_errors_are_parsed_and_garbage_is_not()
    {
        var error = GoogleApiError.TryParse("{\"error\":{\"code\":400,\"message\":\"Bad name\",\"status\":\"INVALID_ARGUMENT\",\"errors\":[{\"reason\":\"invalid\",\"domain\":\"global\",\"message\":\"Bad name\"}]}}")!;

        Assert.Equal((400, "Bad name", "INVALID_ARGUMENT", "invalid"), (error.Code, error.Message, error.Status, error.Errors[0].Reason));
        Assert.Null(GoogleApiError.TryParse("<html>"));
        Assert.Null(GoogleApiError.TryParse("{\"error\":\"x\"}"));
    }

    [Fact]
    public void HttpError_carries_status_body_parsed_error_and_a_redacted_uri()
    {
        var error = new HttpError(HttpStatusCode.Forbidden, "{\"error\":{\"code\":403,\"message\":\"No\",\"errors\":[{\"reason\":\"forbidden\"}]}}", "PUT",
            new Uri("https://x.example/upload?upload_id=SECRET&key=K&a=1"));

        Assert.Equal("https://x.example/upload?upload_id=REDACTED&key=REDACTED&a=1", error.RequestUri.ToString());
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
        Assert.Contains("403", error.Message, StringComparison.Ordinal);
        Assert.Contains("[forbidden]", error.Message, StringComparison.Ordinal);
        Assert.Equal(ErrorClass.Fatal, ErrorClassifier.Classify(error));
    }

    private sealed class TaskCanceledExceptionWithTimeout : System.Threading.Tasks.TaskCanceledException
    {
        public TaskCanceledExceptionWithTimeout()
            : base("timeout", new TimeoutException())
        {
        }
    }
}
