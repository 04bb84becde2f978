using System;
using System.Globalization;

namespace Discovery.Runtime;

/// <summary>What an upload method accepts, from its discovery <c>mediaUpload</c> section.</summary>
public sealed class MediaUploadLimits
{
    private readonly string[] _accept;

    /// <summary>Creates the limits of a method with a simple (single-request) protocol; see the other constructor.</summary>
    public MediaUploadLimits(string? accept, long? maxSize, bool supportsResumable)
        : this(accept, maxSize, supportsResumable, supportsSingleRequest: true)
    {
    }

    /// <summary>
    /// Creates the limits; <paramref name="accept"/> is the comma-separated list, <paramref name="maxSize"/> in bytes,
    /// <paramref name="supportsSingleRequest"/> false for a method whose document offers only the resumable protocol.
    /// </summary>
    public MediaUploadLimits(string? accept, long? maxSize, bool supportsResumable, bool supportsSingleRequest)
    {
        Accept = accept;
        _accept = string.IsNullOrWhiteSpace(accept)
            ? Array.Empty<string>()
#if NETSTANDARD2_0
            : Array.FindAll(Array.ConvertAll(accept!.Split(','), item => item.Trim()), item => item.Length > 0);
#else
            : accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
#endif
        MaxSize = maxSize;
        SupportsResumable = supportsResumable;
        SupportsSingleRequest = supportsSingleRequest;
    }

    /// <summary>The accepted media type patterns as in the document, or null for any.</summary>
    public string? Accept { get; }

    /// <summary>The largest accepted media in bytes, or null.</summary>
    public long? MaxSize { get; }

    /// <summary>Whether the method has a resumable protocol.</summary>
    public bool SupportsResumable { get; }

    /// <summary>Whether the method takes media in one request (simple or multipart), not only through the resumable protocol.</summary>
    public bool SupportsSingleRequest { get; }

    /// <summary>Throws <see cref="ArgumentException"/> when the media breaks a limit, before any request is made.</summary>
    public void Validate(MediaUpload media)
    {
        ArgumentNullException.ThrowIfNull(media);
        media.ValidateChunkSize();
        if (_accept.Length > 0 && !Array.Exists(_accept, pattern => MimeTypes.Matches(media.MimeType, pattern)))
        {
            throw new ArgumentException($"Media type '{media.MimeType}' is not accepted by this method; it accepts {Accept}.", nameof(media));
        }

        if (media.Length is long length && MaxSize is long max && length > max)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The media is {length} bytes but this method accepts at most {max} bytes."), nameof(media));
        }

        if (media.Resumable && !SupportsResumable)
        {
            throw new ArgumentException("This method does not support resumable uploads; create the media with resumable: false.", nameof(media));
        }

        if (!media.Resumable && !SupportsSingleRequest)
        {
            throw new ArgumentException("This method only supports resumable uploads; create the media with resumable: true (for a file: new MediaFileUpload(path, resumable: true)).", nameof(media));
        }
    }

    /// <summary>Throws <see cref="UploadException"/> once the bytes up to <paramref name="end"/>, or a total learnt only at the end, pass <see cref="MaxSize"/>.</summary>
    internal void CheckSize(long end, long? total)
    {
        if (MaxSize is long max && (end > max || total > max))
        {
            throw new UploadException(
                string.Create(CultureInfo.InvariantCulture, $"The media is larger than the {max} bytes this method accepts."), UploadState.Failed);
        }
    }
}
