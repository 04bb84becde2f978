using System;
using System.IO;
using Xunit;

namespace Discovery.Runtime.Tests.Upload;

public sealed class UploadSessionDataTests
{
    private static readonly UploadSessionData Sample = new(new Uri("https://up.example.com/upload?upload_id=xyz"), 262144, 1_000_000, "image/png", "file:/a|1000000|1");

    [Fact]
    public void Round_trips_through_json_and_streams()
    {
        var copy = UploadSessionData.FromJson(Sample.ToJson());
        using var stream = new MemoryStream();
        Sample.Save(stream);
        stream.Position = 0;
        var loaded = UploadSessionData.Load(stream);

        foreach (var data in new[] { copy, loaded })
        {
            Assert.Equal(Sample.SessionUri, data.SessionUri);
            Assert.Equal(Sample.Offset, data.Offset);
            Assert.Equal(Sample.TotalBytes, data.TotalBytes);
            Assert.Equal(Sample.MimeType, data.MimeType);
            Assert.Equal(Sample.SourceIdentity, data.SourceIdentity);
        }
    }

    [Fact]
    public void Unknown_totals_and_identities_round_trip()
    {
        var data = new UploadSessionData(new Uri("http://127.0.0.1:1/u"), 0, null, "text/plain", null);

        var copy = UploadSessionData.FromJson(data.ToJson());

        Assert.Null(copy.TotalBytes);
        Assert.Null(copy.SourceIdentity);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("not json")]
    [InlineData("{\"version\":2,\"sessionUri\":\"https://a/\",\"offset\":0,\"totalBytes\":null,\"mimeType\":\"a/b\",\"sourceIdentity\":null}")]
    [InlineData("{\"version\":1,\"sessionUri\":\"file:///etc/passwd\",\"offset\":0,\"totalBytes\":null,\"mimeType\":\"a/b\",\"sourceIdentity\":null}")]
    [InlineData("{\"version\":1,\"sessionUri\":\"https://a/\",\"offset\":-1,\"totalBytes\":null,\"mimeType\":\"a/b\",\"sourceIdentity\":null}")]
    [InlineData("{\"version\":1,\"sessionUri\":\"https://a/\",\"offset\":10,\"totalBytes\":5,\"mimeType\":\"a/b\",\"sourceIdentity\":null}")]
    [InlineData("{\"version\":1,\"sessionUri\":\"https://a/\",\"offset\":\"0\",\"totalBytes\":null,\"mimeType\":\"a/b\",\"sourceIdentity\":null}")]
    [InlineData("{\"version\":1,\"sessionUri\":\"https://a/\",\"offset\":0,\"totalBytes\":null,\"mimeType\":\"a/b\"}")]
    [InlineData("{\"version\":1,\"sessionUri\":\"https://a/\",\"offset\":0,\"totalBytes\":null,\"mimeType\":\"a/b\",\"sourceIdentity\":null,\"$type\":\"X\"}")]
    public void Loading_rejects_anything_that_is_not_valid_session_data(string json)
        => Assert.Throws<FormatException>(() => UploadSessionData.FromJson(json));

    [Fact]
    public void Loading_rejects_oversized_input()
        => Assert.Throws<FormatException>(() => UploadSessionData.Load(new MemoryStream(new byte[100_000])));
}
