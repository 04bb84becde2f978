#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices;

/// <summary>The compiler needs this marker type for <c>init</c> accessors and records; netstandard2.0 lacks it.</summary>
internal static class IsExternalInit
{
}
#endif
