using System.Collections.Generic;
using Discovery.Generator.Diagnostics;

namespace Discovery.Generator.Json;

/// <summary>
/// Turns UTF-8 byte offsets into the character positions Roslyn reports. Built once per document, only
/// when the document has something to report.
/// </summary>
internal sealed class LineMap
{
    private readonly string _path;
    private readonly byte[] _utf8;
    private readonly List<int> _lineStarts = new() { 0 };
    private readonly List<int> _lineStartChars = new() { 0 };

    public LineMap(string path, byte[] utf8)
    {
        _path = path;
        _utf8 = utf8;
        var chars = 0;
        for (var i = 0; i < utf8.Length; i++)
        {
            chars += CharsOf(utf8[i]);
            if (utf8[i] == (byte)'\n')
            {
                // Character offsets per line too, so each location costs one line's scan, not the file's.
                _lineStarts.Add(i + 1);
                _lineStartChars.Add(chars);
            }
        }
    }

    public JsonLocation Locate(int byteOffset, int byteLength = 1)
    {
        var line = FindLine(byteOffset);
        var column = CharsBetween(_lineStarts[line], byteOffset);
        return new JsonLocation(_path, _lineStartChars[line] + column, CharsBetween(byteOffset, byteOffset + byteLength), line, column);
    }

    public JsonLocation LocateLine(int line, int byteInLine)
    {
        line = line < 0 ? 0 : line >= _lineStarts.Count ? _lineStarts.Count - 1 : line;
        return Locate(_lineStarts[line] + byteInLine, 1);
    }

    private int FindLine(int byteOffset)
    {
        int low = 0, high = _lineStarts.Count - 1;
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (_lineStarts[mid] <= byteOffset)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        return low;
    }

    private int CharsBetween(int from, int to)
    {
        to = to > _utf8.Length ? _utf8.Length : to;
        var count = 0;
        for (var i = from; i < to; i++)
        {
            count += CharsOf(_utf8[i]);
        }

        return count;
    }

    /// <summary>UTF-16 characters a UTF-8 byte starts: none for continuation bytes, two for a 4-byte sequence (a surrogate pair).</summary>
    private static int CharsOf(byte b) => (b & 0xC0) == 0x80 ? 0 : b >= 0xF0 ? 2 : 1;
}
