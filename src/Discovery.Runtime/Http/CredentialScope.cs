using System;

namespace Discovery.Runtime;

/// <summary>
/// Decides whether a request may carry the service's credentials. A resumable session URI comes from a
/// response header, so a compromised or misconfigured server could point it anywhere.
/// </summary>
public static class CredentialScope
{
    /// <summary>True only for the root URI's host and port, over the same scheme or an upgrade to https.</summary>
    public static bool Allows(Uri rootUri, Uri target)
    {
        ArgumentNullException.ThrowIfNull(rootUri);
        ArgumentNullException.ThrowIfNull(target);
        if (!target.IsAbsoluteUri)
        {
            return false;
        }

        bool rootSecure = rootUri.Scheme == Uri.UriSchemeHttps;
        bool targetSecure = target.Scheme == Uri.UriSchemeHttps;
        if (rootSecure && !targetSecure)
        {
            return false;
        }

        if (!string.Equals(rootUri.IdnHost, target.IdnHost, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // An https upgrade changes the default port, so compare ports only when the scheme is the same.
        return rootUri.Scheme != target.Scheme || rootUri.Port == target.Port;
    }
}
