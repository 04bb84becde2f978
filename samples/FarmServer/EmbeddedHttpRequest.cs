using System;
using System.Collections.Generic;
using System.Text;

namespace Farm.Server;

/// <summary>
/// One call inside a batch: the <c>application/http</c> body of a part, an HTTP/1.1 request line, headers and a
/// body, framed with CRLF exactly (Google's batch format; a bare LF is refused, not guessed at).
/// </summary>
internal sealed record EmbeddedHttpRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    private static ReadOnlySpan<byte> HeadEnd => "\r\n\r\n"u8;

    public static EmbeddedHttpRequest Parse(byte[] part)
    {
        int headEnd = part.AsSpan().IndexOf(HeadEnd);
        if (headEnd < 0)
        {
            throw FarmApiException.BadRequest("A batch part's request has no blank CRLF line after its headers.");
        }

        string head = Encoding.ASCII.GetString(part, 0, headEnd);
        for (int i = 0; i < head.Length; i++)
        {
            if ((head[i] == '\n' && (i == 0 || head[i - 1] != '\r')) || (head[i] == '\r' && (i + 1 == head.Length || head[i + 1] != '\n')))
            {
                throw FarmApiException.BadRequest("A batch part's request is not framed with CRLF line endings.");
            }
        }

        string[] lines = head.Split("\r\n");
        string[] requestLine = lines[0].Split(' ');
        if (requestLine.Length != 3 || requestLine[2] != "HTTP/1.1" || !requestLine[1].StartsWith('/') || requestLine[0].Length == 0)
        {
            throw FarmApiException.BadRequest($"A batch part's request line must be 'METHOD /path HTTP/1.1', not '{lines[0]}'.");
        }

        var headers = new List<KeyValuePair<string, string>>();
        foreach (string line in lines.AsSpan(1))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw FarmApiException.BadRequest($"A batch part has a malformed header line '{line}'.");
            }

            headers.Add(new(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        return new EmbeddedHttpRequest(requestLine[0], requestLine[1], headers, part[(headEnd + HeadEnd.Length)..]);
    }
}
