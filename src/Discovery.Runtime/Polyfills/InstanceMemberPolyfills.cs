#if NETSTANDARD2_0
using System;
using System.Buffers;
using System.IO;
using System.Net.Http;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>Span, Memory and char overloads that net8.0 has and netstandard2.0 lacks, with the same names.</summary>
internal static class InstanceMemberPolyfills
{
    public static void Write(this Stream stream, byte[] buffer) => stream.Write(buffer, 0, buffer.Length);

    public static int Read(this Stream stream, Span<byte> buffer)
    {
        byte[] rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            int n = stream.Read(rented, 0, buffer.Length);
            rented.AsSpan(0, n).CopyTo(buffer);
            return n;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static Task WriteAsync(this Stream stream, byte[] buffer, CancellationToken cancellationToken)
        => stream.WriteAsync(buffer, 0, buffer.Length, cancellationToken);

    public static async ValueTask WriteAsync(this Stream stream, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        if (MemoryMarshal.TryGetArray(buffer, out ArraySegment<byte> segment))
        {
            await stream.WriteAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken).ConfigureAwait(false);
            return;
        }

        byte[] copy = buffer.ToArray();
        await stream.WriteAsync(copy, 0, copy.Length, cancellationToken).ConfigureAwait(false);
    }

    public static Task<int> ReadAsync(this Stream stream, byte[] buffer, CancellationToken cancellationToken)
        => stream.ReadAsync(buffer, 0, buffer.Length, cancellationToken);

    public static async ValueTask<int> ReadAsync(this Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (MemoryMarshal.TryGetArray(buffer, out ArraySegment<byte> segment))
        {
            return await stream.ReadAsync(segment.Array!, segment.Offset, segment.Count, cancellationToken).ConfigureAwait(false);
        }

        byte[] rented = ArrayPool<byte>.Shared.Rent(buffer.Length);
        try
        {
            int n = await stream.ReadAsync(rented, 0, buffer.Length, cancellationToken).ConfigureAwait(false);
            rented.AsMemory(0, n).CopyTo(buffer);
            return n;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static Task CopyToAsync(this Stream stream, Stream destination, CancellationToken cancellationToken)
        => stream.CopyToAsync(destination, 81920, cancellationToken);

    public static bool StartsWith(this string text, char value) => text.Length > 0 && text[0] == value;

    public static bool EndsWith(this string text, char value) => text.Length > 0 && text[text.Length - 1] == value;

    public static int IndexOf(this string text, char value, StringComparison comparison)
        => text.IndexOf(value.ToString(), comparison);

    public static bool StartsWith(this string text, ReadOnlySpan<char> value, StringComparison comparison)
        => text.StartsWith(value.ToString(), comparison);

    public static bool ContainsAny(this ReadOnlySpan<char> text, string values) => text.IndexOfAny(values.AsSpan()) >= 0;

    public static StringBuilder Append(this StringBuilder builder, ReadOnlySpan<char> value) => builder.Append(value.ToString());

    /// <summary>Without the interpolated-string handler overload the interpolation binds to FormattableString.</summary>
    public static StringBuilder Append(this StringBuilder builder, IFormatProvider? provider, FormattableString text)
        => builder.Append(text.ToString(provider));

    public static string GetString(this Encoding encoding, ReadOnlySpan<byte> bytes) => encoding.GetString(bytes.ToArray());

    /// <summary>netstandard2.0's HttpContent cannot be cancelled while opening the body; the token is checked first.</summary>
    public static Task<Stream> ReadAsStreamAsync(this HttpContent content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return content.ReadAsStreamAsync();
    }
}
#endif
