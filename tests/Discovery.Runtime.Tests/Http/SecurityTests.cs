using System;
using Xunit;

namespace Discovery.Runtime.Tests.Http;

/// <summary>CredentialScope and UriRedactor.</summary>
public sealed class SecurityTests
{
    [Theory]
    [InlineData("https://www.googleapis.com/", "https://www.googleapis.com/upload?upload_id=1", true)]
    [InlineData("https://www.googleapis.com/", "https://WWW.googleapis.com/x", true)]
    [InlineData("https://www.googleapis.com/", "http://www.googleapis.com/x", false)]
    [InlineData("https://www.googleapis.com/", "https://evil.example/x", false)]
    [InlineData("https://www.googleapis.com/", "https://www.googleapis.com.evil.example/x", false)]
    [InlineData("http://127.0.0.1:5000/", "http://127.0.0.1:5001/x", false)]
    [InlineData("http://127.0.0.1:5000/", "https://127.0.0.1/x", true)]
    public void Credentials_go_only_to_the_api_host_without_downgrade(string root, string target, bool allowed)
        => Assert.Equal(allowed, CredentialScope.Allows(new Uri(root), new Uri(target)));

    [Fact]
    public void Session_ids_and_keys_are_redacted_and_other_parameters_kept()
    {
        var redacted = UriRedactor.Redact(new Uri("https://h/upload/x?uploadType=resumable&upload_id=ABC&access_token=T"));

        Assert.Equal("https://h/upload/x?uploadType=resumable&upload_id=REDACTED&access_token=REDACTED", redacted.ToString());
        Assert.Equal(new Uri("https://h/a"), UriRedactor.Redact(new Uri("https://h/a")));
    }
}
