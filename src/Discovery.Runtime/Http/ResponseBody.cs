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

    /// <summary>The error an answer stands for; its body is cut at 64 KiB, and one that fails to arrive must not mask the status.</summary>
    public static async ValueTask<HttpError> ReadErrorAsync(HttpResponseMessage response, HttpRequestMessage request, bool async, CancellationToken cancellationToken)
    {
        byte[] buffer = ArrayPool<byte>.Shared.Rent(MaxErrorBody);
        try
        {
            int total = 0;
            try
            {
                using var stream = async
                    ? await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)
                    : response.Content.ReadAsStream(cancellationToken);
                int n;
                while (total < MaxErrorBody && (n = async
                    ? await stream.ReadAsync(buffer.AsMemory(total, MaxErrorBody - total), cancellationToken).ConfigureAwait(false)
                    : stream.Read(buffer, total, MaxErrorBody - total)) > 0)
                {
                    total += n;
                }
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                total = 0;
            }

            string? body = total == 0 ? null : Encoding.UTF8.GetString(buffer, 0, total);
            return new HttpError(response.StatusCode, body, request.Method.Method, request.RequestUri!);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
