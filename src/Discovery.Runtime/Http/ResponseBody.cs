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

    /// <summary>A body read whole before a plain Content-Length says it is large: the first buffer never exceeds this, later ones follow the bytes that arrive.</summary>
    private const int MaxUpfront = 16 * 1024 * 1024;

    /// <summary>The first buffer for a body of unknown length (chunked, or decompressed by the caller's handler).</summary>
    private const int UnknownLengthStart = 16 * 1024;

    /// <summary>The body as an exact-size array, for callers that keep it (upload completions).</summary>
    public static async ValueTask<byte[]> ReadBytesAsync(HttpResponseMessage response, bool async, CancellationToken cancellationToken)
    {
        using var body = await ReadPooledAsync(response, async, cancellationToken).ConfigureAwait(false);
        return body.Span.ToArray();
    }

    /// <summary>
    /// The whole body in a buffer rented from the shared pool, sized from Content-Length when the answer has one
    /// and grown by doubling when not; the caller parses it and disposes it, which returns the buffer.
    /// </summary>
    public static async ValueTask<PooledBody> ReadPooledAsync(HttpResponseMessage response, bool async, CancellationToken cancellationToken)
    {
        long? declared = response.Content.Headers.ContentLength;
        if (declared == 0)
        {
            return default;
        }

        using var stream = async
            ? await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false)
            : response.Content.ReadAsStream(cancellationToken);

        // One byte more than declared, so the read that sees the end fits and a body longer than declared still grows.
        int first = declared is { } length ? (int)Math.Min(length + 1, MaxUpfront) : UnknownLengthStart;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(first);
        int total = 0;
        try
        {
            while (true)
            {
                if (total == buffer.Length)
                {
                    buffer = Grow(buffer, total);
                }

                int n = async
                    ? await stream.ReadAsync(buffer.AsMemory(total), cancellationToken).ConfigureAwait(false)
                    : stream.Read(buffer, total, buffer.Length - total);
                if (n == 0)
                {
                    return new PooledBody(buffer, total);
                }

                total += n;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    private static byte[] Grow(byte[] buffer, int used)
    {
        if (buffer.Length >= int.MaxValue / 2)
        {
            throw new HttpRequestException("The response body is larger than 1 GiB and cannot be read as JSON.");
        }

        byte[] larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        buffer.AsSpan(0, used).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        return larger;
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
