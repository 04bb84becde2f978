using System;
using System.Globalization;

namespace Discovery.Runtime;

/// <summary>How large a chunk may be, whichever way its bytes are produced: Google's chunk rule and the method's maxSize.</summary>
internal sealed partial class ResumableUploadEngine
{
    private int ChunkSize()
    {
        int chunk = media.ChunkSize;
        if (_total is long small && small <= MediaUpload.ChunkGranularity)
        {
            // Media this small may use any chunk size by Google's rule, yet servers refuse a non-final chunk
            // that is not a multiple of 256 KiB: one chunk satisfies both.
            chunk = Math.Max(chunk, (int)small);
        }

        return chunk;
    }

    private void CheckMaxSize()
    {
        if (limits.MaxSize is long max && (_offset + _chunkLength > max || _total > max))
        {
            throw new UploadException(
                string.Create(CultureInfo.InvariantCulture, $"The media is larger than the {max} bytes this method accepts."), UploadState.Failed);
        }
    }
}
