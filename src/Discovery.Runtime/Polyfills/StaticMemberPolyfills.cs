#if NETSTANDARD2_0
using System;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// Static members that net8.0 has and netstandard2.0 lacks, as C# 14 static extensions so the shared sources call
/// them by their framework names on both targets.
/// </summary>
internal static class StaticMemberPolyfills
{
    extension(ArgumentNullException)
    {
        public static void ThrowIfNull(object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        {
            if (argument is null)
            {
                throw new ArgumentNullException(paramName);
            }
        }
    }

    extension(ArgumentException)
    {
        public static void ThrowIfNullOrWhiteSpace(string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        {
            ArgumentNullException.ThrowIfNull(argument, paramName);
            if (string.IsNullOrWhiteSpace(argument))
            {
                throw new ArgumentException("The value must not be empty or white space.", paramName);
            }
        }
    }

    extension(ExceptionDispatchInfo)
    {
        public static void Throw(Exception source) => ExceptionDispatchInfo.Capture(source).Throw();
    }

    extension(string)
    {
        /// <summary>Without DefaultInterpolatedStringHandler the interpolation binds to FormattableString instead.</summary>
        public static string Create(IFormatProvider? provider, FormattableString text) => text.ToString(provider);

        public static string Concat(ReadOnlySpan<char> first, ReadOnlySpan<char> second) => first.ToString() + second.ToString();
    }

    extension(Math)
    {
        public static int Clamp(int value, int min, int max) => Math.Min(Math.Max(value, min), max);

        public static long Clamp(long value, long min, long max) => Math.Min(Math.Max(value, min), max);

        public static double Clamp(double value, double min, double max) => Math.Min(Math.Max(value, min), max);
    }

    extension(double)
    {
        public static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
    }

    extension(float)
    {
        public static bool IsFinite(float value) => !float.IsNaN(value) && !float.IsInfinity(value);
    }

    extension(char)
    {
        public static bool IsAsciiLetterOrDigit(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9';
    }

    extension(Random)
    {
        /// <summary>Random is not thread-safe on netstandard2.0, so each thread gets its own.</summary>
        public static Random Shared => SharedRandom.Value!;
    }

    extension(Convert)
    {
        public static string ToHexString(byte[] bytes)
        {
            var text = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                text[2 * i] = HexDigit(bytes[i] >> 4);
                text[(2 * i) + 1] = HexDigit(bytes[i] & 0xF);
            }

            return new string(text);
        }
    }

    extension(SHA256)
    {
        public static byte[] HashData(byte[] source)
        {
            using var sha = SHA256.Create();
            return sha.ComputeHash(source);
        }
    }

    extension(Task)
    {
        public static Task Delay(TimeSpan delay, TimeProvider timeProvider, CancellationToken cancellationToken)
            => timeProvider.Delay(delay, cancellationToken);
    }

    extension(long)
    {
        public static bool TryParse(ReadOnlySpan<char> text, NumberStyles style, IFormatProvider? provider, out long result)
            => long.TryParse(text.ToString(), style, provider, out result);

        public static long Parse(ReadOnlySpan<char> text, NumberStyles style, IFormatProvider? provider)
            => long.Parse(text.ToString(), style, provider);
    }

    private static readonly ThreadLocal<Random> SharedRandom = new(() => new Random(Guid.NewGuid().GetHashCode()));

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);
}
#endif
