using System;

namespace Discovery.Runtime;

/// <summary>
/// An upload that cannot go on for a reason other than an HTTP error status: the server broke the protocol
/// (completed early, claimed bytes never sent, no session URI) or bytes it needs can no longer be read.
/// </summary>
public class UploadException : Exception
{
    /// <summary>Creates the error.</summary>
    public UploadException(string message, UploadState state, Exception? innerException = null)
        : base(message, innerException) => State = state;

    /// <summary>The engine state the upload was left in.</summary>
    public UploadState State { get; }

    /// <summary>
    /// The upload failure inside <paramref name="error"/>, if any: HttpClient wraps a failure of the media source
    /// that happened while the body was being written as a transport error, which sending again cannot fix.
    /// </summary>
    internal static UploadException? FindIn(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is UploadException upload)
            {
                return upload;
            }
        }

        return null;
    }
}
