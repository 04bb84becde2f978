using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using Discovery.Runtime.Integrity;
using Discovery.Runtime.Tests.Infrastructure;
using Farm.Server;
using Xunit;

namespace Discovery.Runtime.Tests.Server;

/// <summary>The Farm server checks and reports hashes like Cloud Storage, and can corrupt on purpose, so clients can be proven to notice.</summary>
public sealed class FarmServerIntegrityTests
{
    private static string Crc(byte[] data)
    {
        var crc = default(Crc32C);
        crc.Append(data);
        return crc.ToBase64();
    }

    private static ByteArrayContent Picture(byte[] data, string? googHash)
    {
        var content = new ByteArrayContent(data);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        if (googHash is not null)
        {
            content.Headers.TryAddWithoutValidation("X-Goog-Hash", googHash);
        }

        return content;
    }

    [Fact]
    public async Task An_upload_whose_hashes_match_is_stored_and_described_by_them()
    {
        await using var server = await FarmServer.StartAsync();
        using var http = new HttpClient();
        var data = TestData.Bytes(70_000, 1);
        string md5 = Convert.ToBase64String(MD5.HashData(data));

        using var response = await http.PostAsync(new Uri(server.RootUri, "upload/farm/v1/animals?uploadType=media"), Picture(data, $"crc32c={Crc(data)},md5={md5}"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var animal = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(Crc(data), animal.RootElement.GetProperty("crc32c").GetString());
        Assert.Equal(md5, animal.RootElement.GetProperty("md5Hash").GetString());
        Assert.Single(server.Uploads.All);
    }

    [Theory]
    [InlineData("media")]
    [InlineData("resumable")]
    public async Task An_upload_whose_crc32c_differs_is_refused_and_not_stored(string protocol)
    {
        await using var server = await FarmServer.StartAsync();
        using var http = new HttpClient();
        var data = TestData.Bytes(70_000, 2);
        string wrong = Crc(TestData.Bytes(70_000, 3));
        HttpResponseMessage response;
        if (protocol == "media")
        {
            response = await http.PostAsync(new Uri(server.RootUri, "upload/farm/v1/animals?uploadType=media"), Picture(data, "crc32c=" + wrong));
        }
        else
        {
            using var initiate = new HttpRequestMessage(HttpMethod.Post, new Uri(server.RootUri, "upload/farm/v1/animals?uploadType=resumable"));
            initiate.Headers.Add("X-Upload-Content-Type", "image/png");
            using var opened = await http.SendAsync(initiate);
            var chunk = Picture(data, "crc32c=" + wrong);
            chunk.Headers.TryAddWithoutValidation("Content-Range", $"bytes 0-{data.Length - 1}/{data.Length}");
            response = await http.PutAsync(opened.Headers.Location, chunk);
        }

        using (response)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"Provided CRC32C \\\"{wrong}\\\" doesn't match calculated CRC32C \\\"{Crc(data)}\\\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Empty(server.Uploads.All);
    }

    [Fact]
    public async Task A_corrupting_server_stores_other_bytes_and_says_so_in_its_hashes()
    {
        await using var server = await FarmServer.StartAsync();
        server.Script.Enqueue(RequestKind.MediaUpload, new ScriptedFault { CorruptStored = true });
        using var http = new HttpClient();
        var data = TestData.Bytes(70_000, 4);

        using var response = await http.PostAsync(new Uri(server.RootUri, "upload/farm/v1/animals?uploadType=media"), Picture(data, "crc32c=" + Crc(data)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var animal = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotEqual(Crc(data), animal.RootElement.GetProperty("crc32c").GetString());
        Assert.NotEqual(TestData.Sha(data), Assert.Single(server.Uploads.All).Sha256);
    }

    [Fact]
    public async Task Downloads_carry_the_stored_hashes_and_can_be_corrupted_or_decompressed_in_transit()
    {
        await using var server = await FarmServer.StartAsync();
        var data = TestData.Bytes(70_000, 5);
        string id = server.AddAnimal("Pig", data);
        server.Script.Enqueue(RequestKind.Download, new ScriptedFault(), new ScriptedFault { CorruptInTransit = true }, new ScriptedFault { ServeDecompressed = true });
        using var http = new HttpClient();
        var uri = new Uri(server.RootUri, $"farm/v1/animals/{id}?alt=media");

        using var clean = await http.GetAsync(uri);
        using var corrupted = await http.GetAsync(uri);
        using var decompressed = await http.GetAsync(uri);

        string expected = $"crc32c={Crc(data)}";
        Assert.Contains(expected, clean.Headers.GetValues("X-Goog-Hash"));
        Assert.Equal(data, await clean.Content.ReadAsByteArrayAsync());
        Assert.Contains(expected, corrupted.Headers.GetValues("X-Goog-Hash"));
        var bad = await corrupted.Content.ReadAsByteArrayAsync();
        Assert.Equal(data.Length, bad.Length);
        Assert.Equal(1, bad.Zip(data).Count(pair => pair.First != pair.Second));
        Assert.Equal("gzip", decompressed.Headers.GetValues("x-goog-stored-content-encoding").Single());
        Assert.StartsWith("214 ", decompressed.Headers.GetValues("Warning").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain(expected, decompressed.Headers.GetValues("X-Goog-Hash"));
        Assert.Equal(data, await decompressed.Content.ReadAsByteArrayAsync());
    }
}
