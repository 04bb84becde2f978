namespace Discovery.Runtime;

/// <summary>Where the end-to-end checksum of an upload or download stands (see <see cref="MediaChecksum"/>).</summary>
public enum ChecksumStatus
{
    /// <summary>Checksums are off for this request (<see cref="MediaChecksum.None"/>).</summary>
    Disabled,

    /// <summary>The bytes are being hashed; nothing was compared yet.</summary>
    Pending,

    /// <summary>Every byte was covered and the checksum matched: the server accepted the one sent, or the stored or served one equals what was computed.</summary>
    Verified,

    /// <summary>The bytes could not be checked; the detail says why (e.g. a forward-only source whose first bytes are gone, or a decompressed download).</summary>
    Unverifiable,
}
