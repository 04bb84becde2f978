using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;

namespace Discovery.Runtime;

/// <summary>
/// Frames calls as Google's batch format: a <c>multipart/mixed</c> body (RFC 2046) of <c>application/http</c> parts,
/// each an HTTP/1.1 request with its path and query relative to the host. Every line ends in CRLF whatever the
/// platform's newline, and the boundary is chosen so that no JSON body contains it.
/// </summary>
internal static class BatchWriter
{
    private static readonly byte[] CrLf = { (byte)'\r', (byte)'\n' };

    public static ByteArrayContent Write(IReadOnlyList<BatchCall> calls)
    {
        string boundary = ChooseBoundary(calls);
        var body = new ArrayBufferWriter<byte>(256 * calls.Count);
        foreach (var call in calls)
        {
            var uri = call.Description.Uri;
            var head = new StringBuilder(256)
                .Append("--").Append(boundary).Append("\r\n")
                .Append("Content-Type: application/http\r\n")
                .Append("Content-Transfer-Encoding: binary\r\n")
                .Append("Content-ID: <").Append(call.ContentId).Append(">\r\n")
                .Append("\r\n")
                .Append(call.Method.Method).Append(' ')
                .Append(uri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped)).Append(" HTTP/1.1\r\n");
            byte[]? json = call.Description.Json;
            if (json is not null)
            {
                // The same headers the call carries alone (RequestDescription.ToMessage); shared ones go on the outer request.
                head.Append("Content-Type: application/json; charset=UTF-8\r\n")
                    .Append("Content-Length: ").Append(json.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            }

            head.Append("\r\n");
            Append(body, Encoding.ASCII.GetBytes(head.ToString()));
            if (json is not null)
            {
                Append(body, json);
            }

            // The CRLF before the next boundary belongs to the delimiter, not to the call's body.
            Append(body, CrLf);
        }

        Append(body, Encoding.ASCII.GetBytes("--" + boundary + "--\r\n"));
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
            byte[] ascii = Encoding.ASCII.GetBytes(boundary);
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

    private static void Append(ArrayBufferWriter<byte> writer, byte[] bytes)
    {
        bytes.AsSpan().CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
    }
}
