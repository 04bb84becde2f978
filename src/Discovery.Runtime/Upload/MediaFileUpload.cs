using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Win32.SafeHandles;

namespace Discovery.Runtime;

/// <summary>A file read by position (never whole into memory); the mime type is guessed from the extension when not given.</summary>
public class MediaFileUpload : MediaUpload
{
    private readonly object _gate = new();
    private SafeFileHandle? _handle;

    /// <summary>Creates the upload; the file must exist (its size and write time identify it for resumes).</summary>
    public MediaFileUpload(string path, string? mimeType = null, int chunkSize = DefaultChunkSize, bool resumable = false)
        : base(mimeType ?? MimeTypes.FromPath(path), chunkSize, resumable)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new FileNotFoundException("The file to upload does not exist.", path);
        }

        Path = info.FullName;
        Length = info.Length;
        LastWriteTimeUtc = info.LastWriteTimeUtc;
        ValidateChunkSize();
    }

    /// <summary>The full path of the file.</summary>
    public string Path { get; }

    /// <summary>The file's write time when the upload was created.</summary>
    public DateTime LastWriteTimeUtc { get; }

    /// <inheritdoc/>
    public override long? Length { get; }

    /// <inheritdoc/>
    public override bool CanReadAt => true;

    /// <inheritdoc/>
    public override string? SourceIdentity =>
        string.Create(CultureInfo.InvariantCulture, $"file:{Path}|{Length}|{LastWriteTimeUtc.Ticks}");

    /// <inheritdoc/>
    public override ValueTask<int> ReadAsync(long position, Memory<byte> buffer, CancellationToken cancellationToken)
        => RandomAccess.ReadAsync(Handle(), buffer, position, cancellationToken);

    /// <inheritdoc/>
    public override int Read(long position, Span<byte> buffer) => RandomAccess.Read(Handle(), buffer, position);

    /// <inheritdoc/>
    public override void ReleaseSource()
    {
        lock (_gate)
        {
            _handle?.Dispose();
            _handle = null;
        }
    }

    private SafeFileHandle Handle()
    {
        lock (_gate)
        {
            return _handle ??= File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        }
    }
}
