using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Discovery.Runtime;

/// <summary>
/// Reads a <c>multipart/mixed</c> batch response (RFC 2046) into its parts. Every line break the standard calls CRLF
/// is also accepted as a bare LF, since what matters on the way in is the answer, not the server's manners. A part
/// that cannot be read becomes an answer with a problem for its Content-ID, so only its call fails.
/// </summary>
internal static class BatchResponseParser
{
    public static List<BatchAnswer> Parse(byte[] body, string boundary)
    {
        var answers = new List<BatchAnswer>();
        byte[] delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        int position = FindDelimiter(body, delimiter, 0);
        while (position >= 0)
        {
            int after = position + delimiter.Length;
            if (StartsWith(body, after, "--"u8))
            {
                break;
            }

            int partStart = EndOfLine(body, after);
            if (partStart < 0)
            {
                break;
            }

            int next = FindDelimiter(body, delimiter, partStart);
            int partEnd = next < 0 ? body.Length : LineStartBefore(body, next);
            answers.Add(ReadPart(body, partStart, Math.Max(0, partEnd - partStart), truncated: next < 0));
            position = next;
        }

        return answers;
    }

    /// <summary>The id a part answers: <c>&lt;response-x&gt;</c> (Google) or <c>response-&lt;x&gt;</c>, both mean x.</summary>
    public static string NormalizeContentId(string value)
    {
        string id = Unbracket(value.Trim());
        if (id.StartsWith("response-", StringComparison.OrdinalIgnoreCase))
        {
            id = id.Substring("response-".Length);
        }

        return Unbracket(id);
    }

    private static BatchAnswer ReadPart(byte[] body, int start, int length, bool truncated)
    {
        var part = body.AsSpan(start, length);
        int headEnd = BlankLine(part, out int bodyStart);
        string? id = Header(part.Slice(0, headEnd < 0 ? part.Length : headEnd), "Content-ID") is { } raw ? NormalizeContentId(raw) : null;
        if (headEnd < 0)
        {
            return Problem(id, "its part has no blank line after the part headers");
        }

        if (truncated)
        {
            return Problem(id, "the batch response ended inside its part");
        }

        var embedded = part.Slice(bodyStart);
        int responseHeadEnd = BlankLine(embedded, out int responseBodyStart);
        if (responseHeadEnd < 0)
        {
            return Problem(id, "its embedded HTTP response has no blank line after its headers");
        }

        var head = embedded.Slice(0, responseHeadEnd);
        int firstLineEnd = head.IndexOf((byte)'\n');
        var statusLine = head.Slice(0, firstLineEnd < 0 ? head.Length : LineEndStart(head, firstLineEnd));
        if (!TryReadStatus(statusLine, out var status))
        {
            return Problem(id, "its embedded response does not start with an HTTP status line ('" + Shorten(Encoding.ASCII.GetString(statusLine)) + "')");
        }

        var headers = firstLineEnd < 0 ? ReadOnlySpan<byte>.Empty : head.Slice(firstLineEnd + 1);
        int contentStart = start + bodyStart + responseBodyStart;
        int contentLength = length - bodyStart - responseBodyStart;
        if (Header(headers, "Content-Length") is { } lengthText)
        {
            if (!int.TryParse(lengthText, NumberStyles.None, CultureInfo.InvariantCulture, out int declared) || declared > contentLength)
            {
                return Problem(id, "its embedded response is shorter than its Content-Length " + Shorten(lengthText));
            }

            contentLength = declared;
        }

        RetryConditionHeaderValue? retryAfter = null;
        if (Header(headers, "Retry-After") is { } retryText && RetryConditionHeaderValue.TryParse(retryText, out var parsed))
        {
            retryAfter = parsed;
        }

        return id is null
            ? Problem(null, "its part has no Content-ID")
            : new BatchAnswer(id, status, retryAfter, body.AsMemory(contentStart, contentLength), null);
    }

    private static BatchAnswer Problem(string? id, string problem) => new(id, 0, null, ReadOnlyMemory<byte>.Empty, problem);

    /// <summary>"HTTP/x.y NNN reason" read from bytes: only the three digits matter.</summary>
    private static bool TryReadStatus(ReadOnlySpan<byte> line, out HttpStatusCode status)
    {
        status = 0;
        int space = line.IndexOf((byte)' ');
        if (!line.StartsWith("HTTP/"u8) || space < 0 || line.Length < space + 4 || (line.Length > space + 4 && line[space + 4] != ' '))
        {
            return false;
        }

        int code = 0;
        for (int i = space + 1; i <= space + 3; i++)
        {
            if (line[i] is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            code = (code * 10) + (line[i] - '0');
        }

        status = (HttpStatusCode)code;
        return code >= 100;
    }

    /// <summary>The value of header <paramref name="name"/> in a block of header lines, or null; only the headers asked for become strings.</summary>
    private static string? Header(ReadOnlySpan<byte> block, string name)
    {
        while (block.Length > 0)
        {
            int newline = block.IndexOf((byte)'\n');
            var line = newline < 0 ? block : block.Slice(0, newline);
            block = newline < 0 ? ReadOnlySpan<byte>.Empty : block.Slice(newline + 1);
            if (line.Length > name.Length && line[name.Length] == ':' && NameEquals(line.Slice(0, name.Length), name))
            {
                return Encoding.ASCII.GetString(line.Slice(name.Length + 1)).Trim();
            }
        }

        return null;
    }

    private static bool NameEquals(ReadOnlySpan<byte> bytes, string name)
    {
        for (int i = 0; i < name.Length; i++)
        {
            if (char.ToUpperInvariant((char)bytes[i]) != char.ToUpperInvariant(name[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Where the first empty line ends the head; <paramref name="next"/> is where what follows begins.</summary>
    private static int BlankLine(ReadOnlySpan<byte> text, out int next)
    {
        next = -1;
        if (StartsWith(text, 0, "\r\n"u8) || StartsWith(text, 0, "\n"u8))
        {
            next = text[0] == '\r' ? 2 : 1;
            return 0;
        }

        for (int i = text.IndexOf((byte)'\n'); i >= 0 && i + 1 < text.Length; i = IndexOf(text, (byte)'\n', i + 1))
        {
            if (text[i + 1] == '\n')
            {
                next = i + 2;
                return LineEndStart(text, i);
            }

            if (text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n')
            {
                next = i + 3;
                return LineEndStart(text, i);
            }
        }

        return -1;
    }

    /// <summary>The index of a delimiter at the start of a line at or after <paramref name="from"/>; -1 when there is none.</summary>
    private static int FindDelimiter(byte[] body, byte[] delimiter, int from)
    {
        for (int i = from; i <= body.Length - delimiter.Length; i++)
        {
            int found = body.AsSpan(i).IndexOf(delimiter);
            if (found < 0)
            {
                return -1;
            }

            i += found;
            if (i == 0 || body[i - 1] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>After a delimiter: skips transport padding to the end of its line; -1 when the line never ends.</summary>
    private static int EndOfLine(byte[] body, int from)
    {
        int newline = IndexOf(body, (byte)'\n', from);
        return newline < 0 ? -1 : newline + 1;
    }

    /// <summary>The CRLF (or LF) before a delimiter belongs to the delimiter.</summary>
    private static int LineStartBefore(byte[] body, int delimiter)
    {
        int end = delimiter - 1;
        return end > 0 && body[end - 1] == '\r' ? end - 1 : end;
    }

    private static int LineEndStart(ReadOnlySpan<byte> text, int newline) => newline > 0 && text[newline - 1] == '\r' ? newline - 1 : newline;

    private static int IndexOf(ReadOnlySpan<byte> text, byte value, int from)
    {
        int found = text.Slice(from).IndexOf(value);
        return found < 0 ? -1 : from + found;
    }

    private static bool StartsWith(ReadOnlySpan<byte> text, int at, ReadOnlySpan<byte> prefix)
        => at <= text.Length && text.Slice(at).StartsWith(prefix);

    private static string Unbracket(string id) => id.Length >= 2 && id[0] == '<' && id[id.Length - 1] == '>' ? id.Substring(1, id.Length - 2) : id;

    private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 60) + "...";
}
