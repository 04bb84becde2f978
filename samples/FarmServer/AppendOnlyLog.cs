using System.Collections.Generic;
using System.Threading;

namespace Farm.Server;

/// <summary>A thread-safe list that requests append to while tests read snapshots of it.</summary>
/// <typeparam name="T">The entry type.</typeparam>
public class AppendOnlyLog<T>
    where T : class
{
    private readonly Lock gate = new();
    private readonly List<T> entries = [];

    /// <summary>A snapshot of every entry so far, in order.</summary>
    public IReadOnlyList<T> All
    {
        get
        {
            lock (gate)
            {
                return [.. entries];
            }
        }
    }

    /// <summary>Forgets everything recorded so far (e.g. after a test's set-up requests).</summary>
    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    internal int Add(T entry)
    {
        lock (gate)
        {
            entries.Add(entry);
            return entries.Count - 1;
        }
    }

    /// <summary>Replaces entry <paramref name="index"/> if it is still <paramref name="expected"/> (a Clear() in between leaves nothing to replace).</summary>
    internal void Replace(int index, T expected, T replacement)
    {
        lock (gate)
        {
            if (index < entries.Count && ReferenceEquals(entries[index], expected))
            {
                entries[index] = replacement;
            }
        }
    }
}
