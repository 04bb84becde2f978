using System;

namespace Farm.Server;

/// <summary>Configures an embedded <see cref="FarmServer"/>.</summary>
public sealed class FarmServerOptions
{
    /// <summary>The <c>mediaUpload.maxSize</c> advertised by farm.discovery.json (10 GiB).</summary>
    public const long DefaultMaxUploadSize = 10L * 1024 * 1024 * 1024;

    /// <summary>Largest picture accepted by any upload protocol; larger uploads get 413.</summary>
    public long MaxUploadSize { get; init; } = DefaultMaxUploadSize;

    /// <summary>Most calls one batch request may carry (Cloud Storage, Drive and Gmail allow 100); more is a 400.</summary>
    public int MaxBatchCalls { get; init; } = 100;

    /// <summary>Fault injection for resumable chunk requests; <c>null</c> disables it.</summary>
    public FarmFaultOptions? Faults { get; init; }

    /// <summary>Receives one line per injected fault (and per unexpected server error).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Parent of the per-server temporary folder; defaults to <see cref="System.IO.Path.GetTempPath"/>.</summary>
    public string? StorageRoot { get; init; }
}
