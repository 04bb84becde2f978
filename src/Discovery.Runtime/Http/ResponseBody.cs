using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>Reads (small) response bodies on either pipeline path.</summary>
internal static class ResponseBody
{
    private const int MaxErrorBody = 64 * 1024;

    public static async ValueTask<byte[]> ReadBytesAsync(HttpResponseMessage response, bool async, CancellationToken cancellationToken)
    {
        using var stream = async
            ? await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)
            : response.Content.ReadAsStream(cancellationToken);
        using var copy = new MemoryStream();
        if (async)
        {
            await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            stream.CopyTo(copy);
        }

        return copy.ToArray();
    }

    /// <summary>The error an answer with an error status stands for, its body read as <see cref="ReadErrorTextAsync"/> does.</summary>
    public static async ValueTask<HttpError> ReadErrorAsync(HttpResponseMessage response, HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        string? body = await ReadErrorTextAsync(response, async, cancellationToken).ConfigureAwait(false);
        return new HttpError(response.StatusCode, body, request.Method.Method, request.RequestUri!);
    }

    /// <summary>An error body as text, cut at 64 KiB; a body that fails to arrive yields null rather than masking the status.</summary>
    public static async ValueTask<string?> ReadErrorTextAsync(HttpResponseMessage response, bool async, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxErrorBody);
        try
        {
            using var stream = async
                ? await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)
                : response.Content.ReadAsStream(cancellationToken);
            int total = 0;
            while (total < MaxErrorBody)
            {
                int n = async
                    ? await stream.ReadAsync(buffer.AsMemory(total, MaxErrorBody - total), cancellationToken).ConfigureAwait(false)
                    : stream.Read(buffer, total, MaxErrorBody - total);
                if (n == 0)
                {
                    break;
                }

                total += n;
            }

            return total == 0 ? null : Encoding.UTF8.GetString(buffer, 0, total);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            return null;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
