using System;
using System.Buffers;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Json.Benchmarks.Raw;

/// <summary>
/// What a careful hand-written client does: HttpClient, a source-generated System.Text.Json context, and a
/// body of known length read into a pooled buffer and deserialized from it.
/// </summary>
internal sealed class RawClient(HttpClient http, Uri root)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly string _objects = root + "storage/v1/b/" + Payloads.Bucket + "/o";

    public Task<StorageObjects> ListAsync(string? pageToken, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, pageToken is null ? _objects : _objects + "?pageToken=" + Uri.EscapeDataString(pageToken)), RawContext.Default.StorageObjects, cancellationToken);

    public Task<StorageObject> GetAsync(string name, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, _objects + "/" + Uri.EscapeDataString(name)), RawContext.Default.StorageObject, cancellationToken);

    public Task<StorageObject> PatchAsync(string name, StorageObject patch, CancellationToken cancellationToken)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(patch, RawContext.Default.StorageObject));
        content.Headers.ContentType = Json;
        return SendAsync(new HttpRequestMessage(HttpMethod.Patch, _objects + "/" + Uri.EscapeDataString(name)) { Content = content }, RawContext.Default.StorageObject, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using (request)
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            int length = checked((int)(response.Content.Headers.ContentLength ?? throw new InvalidOperationException("The benchmark server always sends Content-Length.")));
            byte[] buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                using (var stream = await response.Content.ReadAsStreamAsync(cancellationToken))
                {
                    await stream.ReadExactlyAsync(buffer.AsMemory(0, length), cancellationToken);
                }

                return JsonSerializer.Deserialize(buffer.AsSpan(0, length), type)!;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
