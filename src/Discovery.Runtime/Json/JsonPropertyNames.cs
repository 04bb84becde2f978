using System;
using System.Buffers;
using System.Text;
using System.Text.Json;

namespace Discovery.Runtime.Json;

/// <summary>
/// The property names a generated reader knows, matched on their UTF-8 bytes: a reader looks a name up here
/// instead of turning every name it reads into a string. Built once per schema; lookups are ordinal and exact,
/// as a <c>switch</c> on the name string was.
/// </summary>
public sealed class JsonPropertyNames
{
    // Names longer than this are unescaped into a rented buffer rather than on the stack.
    private const int StackLimit = 256;

    private readonly byte[][] _names;

    // Open addressing: slot holds index + 1 of a name, 0 when empty; the table is at most half full.
    private readonly int[] _slots;
    private readonly int _mask;

    /// <summary>Indexes <paramref name="names"/> by position; a name listed twice keeps its first position.</summary>
    public JsonPropertyNames(params string[] names)
    {
        ArgumentNullException.ThrowIfNull(names);
        _names = new byte[names.Length][];
        int size = 4;
        while (size < names.Length * 2)
        {
            size *= 2;
        }

        _slots = new int[size];
        _mask = size - 1;
        for (int i = 0; i < names.Length; i++)
        {
            var utf8 = Encoding.UTF8.GetBytes(names[i] ?? throw new ArgumentException("A property name is null.", nameof(names)));
            _names[i] = utf8;
            if (IndexOf(utf8) >= 0)
            {
                continue;
            }

            int slot = Hash(utf8) & _mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _slots[slot] = i + 1;
        }
    }

    /// <summary>How many names were given.</summary>
    public int Count => _names.Length;

    /// <summary>The position of the name whose UTF-8 bytes are <paramref name="utf8"/>, or -1.</summary>
    public int IndexOf(ReadOnlySpan<byte> utf8)
    {
        int slot = Hash(utf8) & _mask;
        while (true)
        {
            int entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if (utf8.SequenceEqual(_names[entry - 1]))
            {
                return entry - 1;
            }

            slot = (slot + 1) & _mask;
        }
    }

    /// <summary>The position of the property name the reader is on (escapes and segmented input included), or -1.</summary>
    public int IndexOf(ref Utf8JsonReader reader)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return IndexOf(reader.ValueSpan);
        }

        // The unescaped name is never longer than its escaped form.
        long raw = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (raw <= StackLimit)
        {
            Span<byte> scratch = stackalloc byte[StackLimit];
            return IndexOf(scratch.Slice(0, reader.CopyString(scratch)));
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(checked((int)raw));
        try
        {
            return IndexOf(rented.AsSpan(0, reader.CopyString(rented)));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    // FNV-1a: names are short, and a hash that reads every byte keeps names that differ only at the end apart.
    private static int Hash(ReadOnlySpan<byte> utf8)
    {
        uint hash = 2166136261;
        foreach (byte b in utf8)
        {
            hash = (hash ^ b) * 16777619;
        }

        return (int)(hash ^ (hash >> 15));
    }
}
