using System;
using System.IO;
using Farm.Server;
using Farm.V1;
using Farm.V1.Data;
using Discovery.Runtime.Tests.Infrastructure;
using Xunit;

namespace Discovery.Runtime.Tests.Upload;

/// <summary>Validation that happens before any request (MediaUpload, MediaUploadLimits, MimeTypes).</summary>
public sealed class MediaUploadTests
{
    private static readonly FarmService Offline = new(new ServiceOptions { RootUri = new Uri("http://127.0.0.1:9/") });

    /// <summary>A method with a strict accept list, a small maxSize and no resumable protocol, as a document may declare.</summary>
    private static readonly MediaUploadLimits Thumbnail = new("image/png, image/jpeg", 1000, supportsResumable: false);

    [Fact]
    public void A_chunk_size_that_is_not_a_multiple_of_256_KiB_is_rejected_for_large_media_with_the_rule()
    {
        var error = Assert.Throws<ArgumentException>(() => new MediaInMemoryUpload(new byte[300_000], chunkSize: 100_000, resumable: true));

        Assert.Contains("multiple of 262144", error.Message, StringComparison.Ordinal);
        Assert.Equal("chunkSize", error.ParamName);
    }

    [Fact]
    public void A_stream_of_unknown_length_always_needs_a_multiple_of_256_KiB()
    {
        var error = Assert.Throws<ArgumentException>(() => new MediaStreamUpload(new NonSeekableStream(new byte[10]), "text/plain", 1000, true));

        Assert.Contains("unknown length", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Small_media_may_use_any_chunk_size()
    {
        var media = new MediaInMemoryUpload(new byte[1000], chunkSize: 1000, resumable: true);

        Assert.Equal(1000, media.ChunkSize);
    }

    [Fact]
    public void A_file_larger_than_256_KiB_is_validated_too()
    {
        using var file = new TempFile(new byte[(256 * 1024) + 1]);

        Assert.Throws<ArgumentException>(() => new MediaFileUpload(file.Path, chunkSize: 512 * 1000));
        Assert.Equal(512 * 1024, new MediaFileUpload(file.Path, chunkSize: 512 * 1024).ChunkSize);
    }

    [Fact]
    public void A_missing_file_fails_at_construction()
        => Assert.Throws<FileNotFoundException>(() => new MediaFileUpload(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))));

    [Fact]
    public void A_media_type_outside_the_accept_list_is_rejected_before_any_request()
    {
        var error = Assert.Throws<ArgumentException>(() => Offline.Animals.Insert(new Animal(), new MediaInMemoryUpload(new byte[10], "text/plain")));

        Assert.Contains("image/*", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Thumbnail.Validate(new MediaInMemoryUpload(new byte[10], "image/gif")));
    }

    [Fact]
    public void Media_above_maxSize_is_rejected_before_any_request()
    {
        var error = Assert.Throws<ArgumentException>(() => Thumbnail.Validate(new MediaInMemoryUpload(new byte[1001], "image/png")));

        Assert.Contains("at most 1000 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resumable_media_for_a_method_without_the_resumable_protocol_is_rejected()
        => Assert.Throws<ArgumentException>(() => Thumbnail.Validate(new MediaInMemoryUpload(new byte[10], "image/png", resumable: true)));

    [Theory]
    [InlineData("image/png", "image/*", true)]
    [InlineData("image/png; q=1", "image/png", true)]
    [InlineData("IMAGE/PNG", "image/png", true)]
    [InlineData("text/plain", "*/*", true)]
    [InlineData("text/plain", "image/*", false)]
    [InlineData("imagex/png", "image/*", false)]
    public void Media_types_match_accept_patterns(string type, string pattern, bool expected)
        => Assert.Equal(expected, MimeTypes.Matches(type, pattern));

    [Theory]
    [InlineData("pig.PNG", "image/png")]
    [InlineData("/tmp/a.jpeg", "image/jpeg")]
    [InlineData("notes.txt", "text/plain")]
    [InlineData("data", "application/octet-stream")]
    public void Media_types_are_guessed_from_the_extension(string path, string expected)
        => Assert.Equal(expected, MimeTypes.FromPath(path));
}
