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

#if NETSTANDARD2_0
    // RandomAccess is .NET 6+. Seek-then-read on one FileStream is not atomic, which is enough because an upload
    // reads its source one chunk at a time; the gate keeps the sync path's seek and read together.
    private FileStream? _stream;

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(long position, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var stream = Stream();
        stream.Position = position;
        return await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public override int Read(long position, Span<byte> buffer)
    {
        lock (_gate)
        {
            var stream = Stream();
            stream.Position = position;
            return stream.Read(buffer);
        }
    }

    private FileStream Stream()
    {
        lock (_gate)
        {
            return _stream ??= new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
        }
    }
#else
    /// <inheritdoc/>
    public override ValueTask<int> ReadAsync(long position, Memory<byte> buffer, CancellationToken cancellationToken)
        => RandomAccess.ReadAsync(Handle(), buffer, position, cancellationToken);

    /// <inheritdoc/>
    public override int Read(long position, Span<byte> buffer) => RandomAccess.Read(Handle(), buffer, position);
#endif

    /// <inheritdoc/>
    public override void ReleaseSource()
    {
        lock (_gate)
        {
            _handle?.Dispose();
            _handle = null;
#if NETSTANDARD2_0
            _stream?.Dispose();
            _stream = null;
#endif
        }
    }

#if !NETSTANDARD2_0
    private SafeFileHandle Handle()
    {
        lock (_gate)
        {
            return _handle ??= File.OpenHandle(Path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.Asynchronous);
        }
    }
#endif
}
