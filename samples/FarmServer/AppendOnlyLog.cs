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

    internal int Add(T entry)
    {
        lock (gate)
        {
            entries.Add(entry);
            return entries.Count - 1;
        }
    }

    /// <summary>Replaces entry <paramref name="index"/>, added earlier, with its completed form.</summary>
    internal void Replace(int index, T replacement)
    {
        lock (gate)
        {
            entries[index] = replacement;
        }
    }
}
