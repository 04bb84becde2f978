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

    public LineMap(string path, byte[] utf8)
    {
        _path = path;
        _utf8 = utf8;
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                _lineStarts.Add(i + 1);
            }
        }
    }

    public JsonLocation Locate(int byteOffset, int byteLength = 1)
    {
        var line = FindLine(byteOffset);
        var column = CharsBetween(_lineStarts[line], byteOffset);
        var start = CharsBetween(0, byteOffset);
        return new JsonLocation(_path, start, CharsBetween(byteOffset, byteOffset + byteLength), line, column);
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
            var b = _utf8[i];
            if ((b & 0xC0) != 0x80)
            {
                // A 4-byte sequence is a surrogate pair: two UTF-16 characters.
                count += b >= 0xF0 ? 2 : 1;
            }
        }

        return count;
    }
}
