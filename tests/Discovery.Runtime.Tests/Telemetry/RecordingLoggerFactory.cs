using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Logging;

namespace Discovery.Runtime.Tests.Telemetry;

/// <summary>A logger factory that keeps every message, its event and its structured values, as a logging provider sees them.</summary>
public sealed class RecordingLoggerFactory : ILoggerFactory
{
    private readonly ConcurrentQueue<Entry> _entries = new();

    public IReadOnlyList<Entry> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    public sealed record Entry(string Category, LogLevel Level, EventId Event, string Message, IReadOnlyList<KeyValuePair<string, object?>> Values, Exception? Exception)
    {
        /// <summary>Everything a provider could write out: the message, every value and the exception.</summary>
        public string AllText => Message + " " + string.Join(" ", Values.Select(v => v.Key + "=" + v.Value)) + " " + Exception;
    }

    private sealed class Logger(RecordingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>();
            owner._entries.Enqueue(new Entry(category, logLevel, eventId, formatter(state, exception), values.ToArray(), exception));
        }
    }
}
