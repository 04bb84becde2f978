using System;
using System.Security.Cryptography;

namespace Discovery.Runtime.Auth;

/// <summary>
/// Loads the RSA key of a service-account file: a PKCS#8 PEM block (<c>-----BEGIN PRIVATE KEY-----</c>). net8.0 has
/// <c>ImportFromPem</c>; netstandard2.0 has only <c>ImportParameters</c>, so there the DER is read here.
/// </summary>
internal static class PrivateKeyPem
{
    public static RSA Load(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var rsa = RSA.Create();
        try
        {
#if NETSTANDARD2_0
            rsa.ImportParameters(Pkcs8Der.ReadRsaParameters(Decode(pem)));
#else
            rsa.ImportFromPem(pem);
#endif
            return rsa;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            rsa.Dispose();

            // The key's text never goes into the message.
            throw new InvalidOperationException("The service account's private_key is not a PKCS#8 RSA key in PEM form.", innerException: null);
        }
    }

#if NETSTANDARD2_0
    private const string Begin = "-----BEGIN PRIVATE KEY-----";
    private const string End = "-----END PRIVATE KEY-----";

    private static byte[] Decode(string pem)
    {
        int begin = pem.IndexOf(Begin, StringComparison.Ordinal);
        int end = pem.IndexOf(End, StringComparison.Ordinal);
        if (begin < 0 || end < begin)
        {
            throw new FormatException("No PRIVATE KEY block.");
        }

        return Convert.FromBase64String(pem.Substring(begin + Begin.Length, end - begin - Begin.Length));
    }
#endif
}
