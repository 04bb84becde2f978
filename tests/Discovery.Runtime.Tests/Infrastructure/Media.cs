using System;
using System.Collections.Generic;
using System.IO;

namespace Discovery.Runtime.Tests.Infrastructure;

public enum MediaKind
{
    File,
    SeekableStream,
    NonSeekableStream,
    InMemory,
}

/// <summary>Builds each media kind over the same bytes and cleans up temp files.</summary>
public sealed class Media : IDisposable
{
    private readonly List<IDisposable> _owned = new();

    public MediaUpload Create(MediaKind kind, byte[] data, bool resumable, int chunkSize = TestData.Chunk, string mimeType = "application/octet-stream")
    {
        switch (kind)
        {
            case MediaKind.File:
                var file = new TempFile(data);
                _owned.Add(file);
                return new MediaFileUpload(file.Path, mimeType, chunkSize, resumable);
            case MediaKind.SeekableStream:
                var stream = new MemoryStream(data, writable: false);
                _owned.Add(stream);
                return new MediaStreamUpload(stream, mimeType, chunkSize, resumable);
            case MediaKind.NonSeekableStream:
                var pipe = new NonSeekableStream(data);
                _owned.Add(pipe);
                return new MediaStreamUpload(pipe, mimeType, chunkSize, resumable);
            default:
                return new MediaInMemoryUpload(data, mimeType, chunkSize, resumable);
        }
    }

    public string File(byte[] data, string extension = ".bin")
    {
        var file = new TempFile(data, extension);
        _owned.Add(file);
        return file.Path;
    }

    public void Dispose()
    {
        foreach (var item in _owned)
        {
            item.Dispose();
        }
    }
}
