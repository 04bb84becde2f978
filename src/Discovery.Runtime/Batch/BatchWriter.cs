using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;

namespace Discovery.Runtime;

/// <summary>
/// Frames calls as Google's batch format: a <c>multipart/mixed</c> body (RFC 2046) of <c>application/http</c> parts,
/// each an HTTP/1.1 request with its path and query relative to the host. Every line ends in CRLF whatever the
/// platform's newline, and the boundary is chosen so that no JSON body contains it.
/// </summary>
internal static class BatchWriter
{
    public static ByteArrayContent Write(IReadOnlyList<BatchCall> calls)
    {
        string boundary = ChooseBoundary(calls);
        var body = new ArrayBufferWriter<byte>(256 * calls.Count);
        foreach (var call in calls)
        {
            Ascii(body, "--");
            Ascii(body, boundary);
            Ascii(body, "\r\n");
            Ascii(body, "Content-Type: application/http\r\n");
            Ascii(body, "Content-Transfer-Encoding: binary\r\n");
            Ascii(body, "Content-ID: <");
            Ascii(body, call.ContentId);
            Ascii(body, ">\r\n\r\n");
            Ascii(body, call.Method.Method);
            Ascii(body, " ");
            Ascii(body, call.Description.Uri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped));
            Ascii(body, " HTTP/1.1\r\n");
            byte[]? json = call.Description.Json;
            if (json is not null)
            {
                // The same headers the call carries alone (RequestDescription.ToMessage); shared ones go on the outer request.
                Ascii(body, "Content-Type: application/json; charset=UTF-8\r\n");
                Ascii(body, "Content-Length: ");
                Ascii(body, json.Length.ToString(CultureInfo.InvariantCulture));
                Ascii(body, "\r\n");
            }

            Ascii(body, "\r\n");
            if (json is not null)
            {
                json.AsSpan().CopyTo(body.GetSpan(json.Length));
                body.Advance(json.Length);
            }

            // The CRLF before the next boundary belongs to the delimiter, not to the call's body.
            Ascii(body, "\r\n");
        }

        Ascii(body, "--");
        Ascii(body, boundary);
        Ascii(body, "--\r\n");
        var content = new ByteArrayContent(body.WrittenSpan.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("multipart/mixed");
        content.Headers.ContentType.Parameters.Add(new NameValueHeaderValue("boundary", boundary));
        return content;
    }

    private static string ChooseBoundary(IReadOnlyList<BatchCall> calls)
    {
        while (true)
        {
            string boundary = "batch_" + Guid.NewGuid().ToString("N");
            byte[] ascii = System.Text.Encoding.ASCII.GetBytes(boundary);
            bool clash = false;
            foreach (var call in calls)
            {
                if (call.Description.Json is { } json && json.AsSpan().IndexOf(ascii) >= 0)
                {
                    clash = true;
                    break;
                }
            }

            if (!clash)
            {
                return boundary;
            }
        }
    }

    /// <summary>Writes text that is ASCII by construction (headers, a method, an escaped URI) without an intermediate array.</summary>
    private static void Ascii(ArrayBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            span[i] = (byte)text[i];
        }

        writer.Advance(text.Length);
    }
}
