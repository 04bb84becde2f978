using System;
using System.Collections.Generic;
using System.IO;

namespace Discovery.Runtime;

/// <summary>Guesses a media type from a file extension.</summary>
public static class MimeTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png", [".jpg"] = "image/jpeg", [".jpeg"] = "image/jpeg", [".gif"] = "image/gif",
        [".webp"] = "image/webp", [".bmp"] = "image/bmp", [".svg"] = "image/svg+xml", [".tif"] = "image/tiff",
        [".tiff"] = "image/tiff", [".ico"] = "image/x-icon", [".heic"] = "image/heic",
        [".txt"] = "text/plain", [".csv"] = "text/csv", [".htm"] = "text/html", [".html"] = "text/html",
        [".css"] = "text/css", [".md"] = "text/markdown", [".js"] = "text/javascript",
        [".json"] = "application/json", [".xml"] = "application/xml", [".pdf"] = "application/pdf",
        [".zip"] = "application/zip", [".gz"] = "application/gzip", [".tar"] = "application/x-tar",
        [".mp4"] = "video/mp4", [".mov"] = "video/quicktime", [".webm"] = "video/webm", [".avi"] = "video/x-msvideo",
        [".mkv"] = "video/x-matroska", [".mp3"] = "audio/mpeg", [".wav"] = "audio/wav", [".ogg"] = "audio/ogg",
        [".flac"] = "audio/flac", [".m4a"] = "audio/mp4",
        [".doc"] = "application/msword", [".xls"] = "application/vnd.ms-excel", [".ppt"] = "application/vnd.ms-powerpoint",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    };

    /// <summary>The type for the path's extension, or application/octet-stream.</summary>
    public static string FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ByExtension.TryGetValue(Path.GetExtension(path), out var type) ? type : "application/octet-stream";
    }

    /// <summary>Whether <paramref name="mimeType"/> matches a pattern such as "image/*", "*/*" or "text/plain" (parameters ignored).</summary>
    public static bool Matches(string mimeType, string pattern)
    {
        ArgumentNullException.ThrowIfNull(mimeType);
        ArgumentNullException.ThrowIfNull(pattern);
        var type = Essence(mimeType);
        var want = Essence(pattern);
        if (want is "*/*" or "*")
        {
            return true;
        }

        if (want.EndsWith("/*", StringComparison.Ordinal))
        {
            return type.StartsWith(want[..^1], StringComparison.OrdinalIgnoreCase);
        }

        return type.Equals(want, StringComparison.OrdinalIgnoreCase);
    }

    private static ReadOnlySpan<char> EssenceSpan(string value)
    {
        int semicolon = value.IndexOf(';', StringComparison.Ordinal);
        return (semicolon < 0 ? value.AsSpan() : value.AsSpan(0, semicolon)).Trim();
    }

    private static string Essence(string value) => EssenceSpan(value).ToString();
}
