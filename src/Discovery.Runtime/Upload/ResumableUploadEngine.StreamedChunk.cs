using System;

namespace Discovery.Runtime;

/// <summary>Chunks of seekable media of known length, streamed from the source by range instead of through the chunk buffer.</summary>
internal sealed partial class ResumableUploadEngine
{
    /// <summary>
    /// Seekable media of known length needs no chunk buffer: the request body reads its range straight from
    /// the source while the socket sends (file reads overlap network writes, as in a plain PUT), and every
    /// retry reads exactly the unconfirmed bytes again.
    /// </summary>
    private bool StreamsChunks => media.CanReadAt && _total is not null;

    /// <summary>The next chunk of streamed media: [offset, offset + length), final when it reaches the total.</summary>
    private void PlanStreamedChunk()
    {
        long total = _total!.Value;
        _chunkLength = (int)Math.Min(media.ChunkSizeFor(_total), total - _offset);
        _chunkFinal = _offset + _chunkLength == total;
        limits.CheckSize(_offset + _chunkLength, _total);
    }
}
