using System;

namespace Discovery.Runtime;

/// <summary>
/// Which checksums an upload sends in <c>X-Goog-Hash</c> and checks against the stored object, and which a
/// download checks against the server's <c>X-Goog-Hash</c>. CRC32C is on by default: it costs little CPU (the
/// processor instruction where there is one). MD5 costs far more and is opt-in.
/// </summary>
[Flags]
public enum MediaChecksum
{
    /// <summary>No checksum is computed, sent or checked (for servers that refuse the header).</summary>
    None = 0,

    /// <summary>CRC32C (Castagnoli), as Cloud Storage keeps for every object.</summary>
    Crc32C = 1,

    /// <summary>MD5, in addition to or instead of CRC32C.</summary>
    Md5 = 2,
}
