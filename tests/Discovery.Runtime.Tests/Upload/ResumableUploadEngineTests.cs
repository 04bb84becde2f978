using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Farm.Server;
using Farm.V1;
using Farm.V1.Data;
using Discovery.Runtime.Tests.Infrastructure;
using System.Net.Http;
using Xunit;

namespace Discovery.Runtime.Tests.Upload;

public sealed class ResumableUploadEngineTests
{
    private const int C = TestData.Chunk;

    public static TheoryData<MediaKind, int> KindsAndSizes()
    {
        var data = new TheoryData<MediaKind, int>();
        foreach (var kind in Enum.GetValues<MediaKind>())
        {
            foreach (var size in new[] { 0, 1000, C, 3 * C, (3 * C) + 17 })
            {
                data.Add(kind, size);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(KindsAndSizes))]
    public async Task Every_media_kind_arrives_byte_exact_with_one_put_per_chunk_and_the_total_on_the_last(MediaKind kind, int size)
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes(size, size);

        var result = await f.Farm.Animals.Insert(new Animal { Name = "Pig" }, f.Media.Create(kind, data, resumable: true)).ExecuteAsync();

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        Assert.Equal("Pig", result.Name);
        var stored = Assert.Single(f.Server.Uploads.All);
        Assert.Equal(TestData.Sha(data), stored.Sha256);
        var puts = f.Server.Requests.All.Where(r => r.Kind is RequestKind.Chunk or RequestKind.StatusQuery).ToList();
        Assert.Equal(Math.Max(1, (size + C - 1) / C), puts.Count);
        Assert.Equal(size == 0 ? "bytes */0" : $"bytes {(size - 1) / C * C}-{size - 1}/{size}", puts[^1].ContentRange);
        var initiation = Assert.Single(f.Server.Requests.Of(RequestKind.Initiate));
        Assert.Equal(kind == MediaKind.NonSeekableStream ? null : size.ToString(System.Globalization.CultureInfo.InvariantCulture), initiation.UploadContentLength);
        Assert.Equal("application/octet-stream", initiation.UploadContentType);
    }

    public static TheoryData<int, string?> RetryableStatuses() => new()
    {
        { 408, null }, { 429, null }, { 500, null }, { 502, null }, { 503, null }, { 504, null },
        { 403, "rateLimitExceeded" }, { 403, "userRateLimitExceeded" },
    };

    [Theory]
    [MemberData(nameof(RetryableStatuses))]
    public async Task Every_retryable_status_is_retried_after_a_status_query(int status, string? reason)
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((2 * C) + 5, status);
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { Status = status, Reason = reason });

        var result = await f.Farm.Animals.Insert(new Animal { Name = "Pig" }, f.Media.Create(MediaKind.NonSeekableStream, data, true)).ExecuteAsync();

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        var kinds = f.Server.Requests.All.Select(r => r.Kind).ToArray();
        Assert.Equal(new[] { RequestKind.Initiate, RequestKind.Chunk, RequestKind.StatusQuery, RequestKind.Chunk, RequestKind.Chunk, RequestKind.Chunk }, kinds);
        Assert.Equal("bytes */*", f.Server.Requests.Of(RequestKind.StatusQuery).Single().ContentRange);
        Assert.Single(f.Time.Delays);
    }

    [Fact]
    public async Task Retry_After_is_honoured()
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes(C + 1, 1);
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { Status = 503, RetryAfter = "7" });
        f.Server.Script.Enqueue(RequestKind.Initiate, new ScriptedFault { Status = 429, RetryAfter = "3" });

        await f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.File, data, true)).ExecuteAsync();

        Assert.Equal(new[] { TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7) }, f.Time.Delays.ToArray());
        Assert.Equal(TestData.Sha(data), f.Server.Uploads.All.Single().Sha256);
    }

    [Theory]
    [InlineData(MediaKind.File)]
    [InlineData(MediaKind.NonSeekableStream)]
    [InlineData(MediaKind.InMemory)]
    public async Task A_connection_dropped_mid_chunk_resumes_from_the_servers_offset(MediaKind kind)
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((3 * C) + 99, 7);
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault());
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { AbortAfterBytes = 100_000 });

        var result = await f.Farm.Animals.Insert(new Animal(), f.Media.Create(kind, data, true)).ExecuteAsync();

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        Assert.Contains(f.Server.Requests.All, r => r.Kind == RequestKind.StatusQuery);
        Assert.Equal($"bytes {C}-{(2 * C) - 1}/{(kind == MediaKind.NonSeekableStream ? "*" : data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))}",
            f.Server.Requests.Of(RequestKind.Chunk).ElementAt(2).ContentRange);
    }

    [Theory]
    [InlineData(MediaKind.File)]
    [InlineData(MediaKind.NonSeekableStream)]
    public async Task Partial_persistence_on_308_resends_only_the_unconfirmed_bytes(MediaKind kind)
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((2 * C) + 3, 8);
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { PersistOnly = 100_000 });

        var result = await f.Farm.Animals.Insert(new Animal(), f.Media.Create(kind, data, true)).ExecuteAsync();

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        var chunks = f.Server.Requests.Of(RequestKind.Chunk).ToList();
        Assert.StartsWith("bytes 100000-", chunks[1].ContentRange, StringComparison.Ordinal);
        Assert.DoesNotContain(f.Server.Requests.All, r => r.Kind == RequestKind.StatusQuery);
    }

    [Fact]
    public async Task A_308_without_Range_on_the_first_chunk_means_nothing_persisted()
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes(C + 10, 9);
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { OmitRange = true });

        var result = await f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.NonSeekableStream, data, true)).ExecuteAsync();

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        var ranges = f.Server.Requests.Of(RequestKind.Chunk).Select(r => r.ContentRange).ToArray();
        Assert.Equal(new[] { $"bytes 0-{C - 1}/*", $"bytes 0-{C - 1}/*", $"bytes {C}-{C + 9}/{C + 10}" }, ranges);
    }

    [Fact]
    public async Task A_308_without_Range_after_confirmed_bytes_is_checked_with_a_query()
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((2 * C) + 10, 10);
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault());
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { OmitRange = true });

        var result = await f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.NonSeekableStream, data, true)).ExecuteAsync();

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        Assert.Equal(new[] { RequestKind.Initiate, RequestKind.Chunk, RequestKind.Chunk, RequestKind.StatusQuery, RequestKind.Chunk, RequestKind.Chunk }, f.Server.Requests.All.Select(r => r.Kind).ToArray());
    }

    [Fact]
    public async Task An_expired_session_restarts_once_from_a_new_session()
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((2 * C) + 10, 11);
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault());
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { Expire = true });

        var result = await f.Farm.Animals.Insert(new Animal { Name = "Pig" }, f.Media.Create(MediaKind.File, data, true)).ExecuteAsync();

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        Assert.Equal(2, f.Server.Requests.Of(RequestKind.Initiate).Count());
        Assert.Equal("Pig", f.Server.Uploads.All.Single().Name);
    }

    [Fact]
    public async Task A_second_expiry_surfaces_as_HttpError_404()
    {
        await using var f = await FarmFixture.StartAsync();
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { Expire = true });
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { Expire = true });

        var error = await Assert.ThrowsAsync<HttpError>(() => f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.File, TestData.Bytes(C + 1, 1), true)).ExecuteAsync());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("expired", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_session_of_a_stream_that_cannot_be_reread_is_an_error()
    {
        await using var f = await FarmFixture.StartAsync();
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault());
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { Expire = true });

        var error = await Assert.ThrowsAsync<HttpError>(() => f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.NonSeekableStream, TestData.Bytes((2 * C) + 1, 1), true)).ExecuteAsync());

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Contains("cannot be read again", error.Message, StringComparison.Ordinal);
        Assert.Single(f.Server.Requests.Of(RequestKind.Initiate));
    }

    [Fact]
    public async Task A_non_retryable_4xx_surfaces_as_HttpError_without_the_session_id()
    {
        await using var f = await FarmFixture.StartAsync();
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { Status = 400, Reason = "invalidArgument" });

        var error = await Assert.ThrowsAsync<HttpError>(() => f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.File, TestData.Bytes(C + 1, 1), true)).ExecuteAsync());

        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("invalidArgument", error.Error!.Errors.Single().Reason);
        Assert.Equal("Injected fault: 400.", error.Error.Message);
        Assert.Contains("invalidArgument", error.ResponseBody, StringComparison.Ordinal);
        Assert.Equal("PUT", error.RequestMethod);
        Assert.Contains("upload_id=REDACTED", error.RequestUri.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("upload_id=s", error.Message, StringComparison.Ordinal);
        Assert.Empty(f.Time.Delays);
    }

    [Fact]
    public async Task An_early_200_is_an_error_not_a_success()
    {
        await using var f = await FarmFixture.StartAsync();
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { CompleteEarly = true });

        var error = await Assert.ThrowsAsync<UploadException>(() => f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.File, TestData.Bytes(3 * C, 1), true)).ExecuteAsync());

        Assert.Contains("before the last byte", error.Message, StringComparison.Ordinal);
        Assert.Equal(UploadState.Failed, error.State);
    }

    [Fact]
    public async Task An_initiation_without_Location_fails_before_any_data_is_sent()
    {
        await using var f = await FarmFixture.StartAsync();
        f.Server.Script.Enqueue(RequestKind.Initiate, new ScriptedFault { NoLocation = true });

        await Assert.ThrowsAsync<UploadException>(() => f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.File, TestData.Bytes(10, 1), true)).ExecuteAsync());

        Assert.Equal(new[] { RequestKind.Initiate }, f.Server.Requests.All.Select(r => r.Kind).ToArray());
    }

    [Fact]
    public async Task Retries_exhausted_leave_a_resumable_session()
    {
        await using var f = await FarmFixture.StartAsync(FarmFixture.FastRetry(attempts: 2));
        var data = TestData.Bytes((2 * C) + 1, 12);
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { Status = 503 });
        f.Server.Script.Enqueue(RequestKind.StatusQuery, new ScriptedFault { Status = 503 });
        var request = f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.NonSeekableStream, data, true));

        var error = await Assert.ThrowsAsync<HttpError>(() => request.ExecuteAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.NotNull(request.UploadSession);

        var result = await request.ExecuteAsync();
        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        Assert.Single(f.Server.Requests.Of(RequestKind.Initiate));
        Assert.Single(f.Server.Uploads.All);
    }

    [Theory]
    [InlineData(MediaKind.File)]
    [InlineData(MediaKind.NonSeekableStream)]
    public async Task Cancellation_leaves_the_session_resumable(MediaKind kind)
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((4 * C) + 5, 13);
        var request = f.Farm.Animals.Insert(new Animal(), f.Media.Create(kind, data, true));
        using var cts = new CancellationTokenSource();
        var statuses = new List<UploadStatus>();
        request.ProgressChanged += p =>
        {
            statuses.Add(p.Status);
            if (p.BytesSent >= 2 * C)
            {
                cts.Cancel();
            }
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => request.ExecuteAsync(cts.Token));
        Assert.Equal(UploadStatus.Cancelled, statuses[^1]);
        Assert.DoesNotContain(UploadStatus.Failed, statuses);
        Assert.Equal(2 * C, f.Server.PersistedBytes(request.UploadSession!.SessionUri));

        var result = await request.ExecuteAsync();
        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        Assert.Single(f.Server.Requests.Of(RequestKind.Initiate));
    }

    [Fact]
    public async Task A_saved_session_resumes_in_a_new_process()
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((3 * C) + 1234, 14);
        string path = f.Media.File(data, ".png");
        var first = f.Farm.Animals.Insert(new Animal { Name = "Pig" }, new MediaFileUpload(path, chunkSize: C, resumable: true));
        string? createdJson = null;
        first.UploadSessionCreated += s => createdJson = s.ToJson();
        await first.NextChunkAsync();
        await first.NextChunkAsync();
        string saved = first.UploadSession!.ToJson();
        Assert.NotNull(createdJson);
        Assert.Equal(2 * C, UploadSessionData.FromJson(saved).Offset);

        using var secondProcess = FarmFixture.NewClient(f.Server, f.Time);
        var resumed = secondProcess.Animals.Insert(new Animal { Name = "Pig" }, new MediaFileUpload(path, chunkSize: C, resumable: true));
        var result = await resumed.ResumeAsync(UploadSessionData.FromJson(saved));

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        Assert.Equal("image/png", f.Server.Uploads.All.Single().ContentType);
        Assert.Equal(new[] { RequestKind.Initiate, RequestKind.Chunk, RequestKind.Chunk, RequestKind.StatusQuery, RequestKind.Chunk, RequestKind.Chunk }, f.Server.Requests.All.Select(r => r.Kind).ToArray());
    }

    [Fact]
    public async Task A_saved_session_refuses_different_media()
    {
        await using var f = await FarmFixture.StartAsync();
        var request = f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.File, TestData.Bytes(2 * C, 1), true));
        await request.NextChunkAsync();
        var session = request.UploadSession!;

        var other = f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.File, TestData.Bytes(2 * C, 2), true));
        await Assert.ThrowsAsync<ArgumentException>(() => other.ResumeAsync(session));
    }

    [Fact]
    public async Task The_manual_loop_reports_growing_progress_until_the_response()
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((3 * C) + 1, 15);
        var request = f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.InMemory, data, true));
        var progress = new List<double>();
        Animal? response = null;
        while (response is null)
        {
            (var status, response) = await request.NextChunkAsync();
            progress.Add(status.Progress);
        }

        Assert.Equal(4, progress.Count);
        Assert.Equal(progress.OrderBy(p => p), progress);
        Assert.Equal(1.0, progress[^1]);
        Assert.Equal(3.0 * C / data.Length, progress[2], 6);
        Assert.Equal(TestData.Sha(data), response.PictureSha256);
    }

    [Fact]
    public async Task A_lost_final_response_completes_from_the_status_query_without_resending()
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes(C + 1, 16);
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault());
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { Status = 503, PersistThenFail = true });

        var result = await f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.NonSeekableStream, data, true)).ExecuteAsync();

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        Assert.Equal(new[] { RequestKind.Initiate, RequestKind.Chunk, RequestKind.Chunk, RequestKind.StatusQuery }, f.Server.Requests.All.Select(r => r.Kind).ToArray());
    }

    [Fact]
    public async Task Credentials_are_not_sent_to_a_session_on_another_host()
    {
        await using var f = await FarmFixture.StartAsync(token: _ => new ValueTask<string?>("secret-token"));
        f.Server.Script.Enqueue(RequestKind.Initiate, new ScriptedFault { LocationHost = "localhost" });

        await f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.File, TestData.Bytes(C + 1, 1), true)).ExecuteAsync();

        Assert.Equal("Bearer secret-token", f.Server.Requests.Of(RequestKind.Initiate).Single().Authorization);
        Assert.All(f.Server.Requests.Of(RequestKind.Chunk), r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task Credentials_are_sent_to_a_session_on_the_api_host()
    {
        await using var f = await FarmFixture.StartAsync(token: _ => new ValueTask<string?>("secret-token"));

        await f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.File, TestData.Bytes(C + 1, 1), true)).ExecuteAsync();

        Assert.All(f.Server.Requests.All, r => Assert.Equal("Bearer secret-token", r.Authorization));
    }

    [Theory]
    [InlineData(MediaKind.File)]
    [InlineData(MediaKind.NonSeekableStream)]
    public async Task The_synchronous_Execute_uploads_with_the_same_protocol(MediaKind kind)
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((2 * C) + 7, 17);
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault());
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { Status = 503, RetryAfter = "2" });
        var request = f.Farm.Animals.Insert(new Animal(), f.Media.Create(kind, data, true));

        var result = await Task.Run(request.Execute);

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        Assert.Contains(TimeSpan.FromSeconds(2), f.Time.Delays);
    }

    [Fact]
    public async Task Cancellation_while_a_chunk_is_in_flight_resumes_with_a_status_query()
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((3 * C) + 5, 18);
        var hold = new TaskCompletionSource();
        var reached = new TaskCompletionSource();
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault());
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { Hold = hold.Task, Reached = reached });
        var request = f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.NonSeekableStream, data, true));
        using var cts = new CancellationTokenSource();

        var upload = request.ExecuteAsync(cts.Token);
        await reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => upload);
        hold.SetResult();

        var result = await request.ExecuteAsync();
        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        Assert.Equal(new[] { RequestKind.Initiate, RequestKind.Chunk, RequestKind.Chunk, RequestKind.StatusQuery, RequestKind.Chunk, RequestKind.Chunk }, f.Server.Requests.All.Select(r => r.Kind).ToArray());
    }

    [Fact]
    public async Task A_401_on_a_chunk_fetches_a_new_token_and_queries_without_backoff()
    {
        int tokens = 0;
        await using var f = await FarmFixture.StartAsync(token: _ => new ValueTask<string?>("t" + Interlocked.Increment(ref tokens)));
        var data = TestData.Bytes(C + 5, 19);
        f.Server.Script.Enqueue(RequestKind.Chunk, new ScriptedFault { Status = 401 });

        var result = await f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.File, data, true)).ExecuteAsync();

        Assert.Equal(TestData.Sha(data), result.PictureSha256);

        // The provider is asked again after the 401: the query and every later chunk carry the new tokens, not the rejected one.
        Assert.Equal(
            new (RequestKind, string?, int)[] { (RequestKind.Initiate, "Bearer t1", 200), (RequestKind.Chunk, "Bearer t2", 401), (RequestKind.StatusQuery, "Bearer t3", 308), (RequestKind.Chunk, "Bearer t4", 308), (RequestKind.Chunk, "Bearer t5", 200) },
            f.Server.Requests.All.Select(r => (r.Kind, r.Authorization, r.Status)).ToArray());
        Assert.Empty(f.Time.Delays);
    }

    [Fact]
    public async Task Cancelling_the_upload_deletes_the_session()
    {
        await using var f = await FarmFixture.StartAsync();
        var request = f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.File, TestData.Bytes(2 * C, 20), true));
        var statuses = new List<UploadStatus>();
        request.ProgressChanged += p => statuses.Add(p.Status);
        await request.NextChunkAsync();

        await request.CancelUploadAsync();

        Assert.Equal(UploadStatus.Cancelled, statuses[^1]);
        Assert.Equal(-1, f.Server.PersistedBytes(request.UploadSession!.SessionUri));
        Assert.Equal("DELETE", f.Server.Requests.All[^1].Method);
        var error = await Assert.ThrowsAsync<UploadException>(() => request.ExecuteAsync());
        Assert.Equal(UploadState.Cancelled, error.State);
        Assert.Empty(f.Server.Uploads.All);
    }

    [Fact]
    public async Task A_forward_only_stream_resumes_in_a_new_process_by_skipping_the_confirmed_bytes()
    {
        await using var f = await FarmFixture.StartAsync();
        var data = TestData.Bytes((3 * C) + 77, 21);
        var first = f.Farm.Animals.Insert(new Animal(), new MediaStreamUpload(new NonSeekableStream(data), "application/octet-stream", C, resumable: true));
        await first.NextChunkAsync();
        string saved = first.UploadSession!.ToJson();

        using var secondProcess = FarmFixture.NewClient(f.Server, f.Time);
        var resumed = secondProcess.Animals.Insert(new Animal(), new MediaStreamUpload(new NonSeekableStream(data), "application/octet-stream", C, resumable: true));
        var result = await resumed.ResumeAsync(UploadSessionData.FromJson(saved));

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        Assert.Equal($"bytes {C}-{(2 * C) - 1}/*", f.Server.Requests.Of(RequestKind.Chunk).ElementAt(1).ContentRange);
        Assert.Single(f.Server.Requests.Of(RequestKind.Initiate));
    }

    [Fact]
    public async Task An_unexpected_exception_mid_upload_leaves_the_request_resumable()
    {
        int calls = 0;
        bool broken = true;
        await using var f = await FarmFixture.StartAsync(token: _ =>
        {
            // The token endpoint blips while the second chunk is being sent.
            if (Interlocked.Increment(ref calls) == 3 && broken)
            {
                throw new InvalidOperationException("token endpoint unavailable");
            }

            return new ValueTask<string?>("t");
        });
        var data = TestData.Bytes((3 * C) + 7, 31);
        var request = f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.File, data, true));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => request.ExecuteAsync());
        Assert.Equal("token endpoint unavailable", error.Message);
        broken = false;
        var result = await request.ExecuteAsync();

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
        Assert.Contains(RequestKind.StatusQuery, f.Server.Requests.All.Select(r => r.Kind));
        Assert.Single(f.Server.Requests.Of(RequestKind.Initiate));
    }

    [Fact]
    public async Task A_second_401_later_in_the_same_upload_is_refreshed_too()
    {
        int tokens = 0;
        await using var f = await FarmFixture.StartAsync(token: _ => new ValueTask<string?>("t" + Interlocked.Increment(ref tokens)));
        var data = TestData.Bytes(4 * C, 37);
        int chunk = 0;
        f.Server.Script.Source = kind => kind == RequestKind.Chunk && Interlocked.Increment(ref chunk) is 1 or 3 ? new ScriptedFault { Status = 401 } : null;

        var result = await f.Farm.Animals.Insert(new Animal(), f.Media.Create(MediaKind.File, data, true)).ExecuteAsync();

        Assert.Equal(TestData.Sha(data), result.PictureSha256);
    }

    [Fact]
    public async Task An_http_session_uri_for_an_https_api_receives_no_media()
    {
        var handler = new ScriptedHandler(request => request.Method == HttpMethod.Post
            ? new HttpResponseMessage(HttpStatusCode.OK) { Headers = { Location = new Uri("http://api.example.com/upload?upload_id=x") } }
            : new HttpResponseMessage(HttpStatusCode.OK));
        using var client = new HttpClient(handler);
        using var farm = new FarmService(client, new ServiceOptions { RootUri = new Uri("https://api.example.com/"), Retry = RetryPolicy.None });

        var error = await Assert.ThrowsAsync<UploadException>(() => farm.Animals.Insert(new Animal(), new MediaInMemoryUpload(new byte[10], resumable: true)).ExecuteAsync());

        Assert.Contains("clear text", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(handler.Seen, r => r.Method == HttpMethod.Put);
    }

    [Fact]
    public async Task A_seekable_source_that_ends_early_while_a_chunk_streams_fails_without_retrying()
    {
        await using var f = await FarmFixture.StartAsync();

        var request = f.Farm.Animals.Insert(new Animal(), new ShortMedia(declared: 3 * C, actual: C + 10, resumable: true));

        var error = await Assert.ThrowsAsync<UploadException>(() => request.ExecuteAsync());

        Assert.Contains("ended after", error.Message, StringComparison.Ordinal);
        Assert.Empty(f.Time.Delays);
        Assert.Equal(0, f.Server.PersistedBytes(request.UploadSession!.SessionUri));
    }
}
