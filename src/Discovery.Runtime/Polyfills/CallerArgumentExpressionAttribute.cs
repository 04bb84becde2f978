#if NETSTANDARD2_0
namespace System.Runtime.CompilerServices;

/// <summary>Lets the ThrowIf polyfills name the argument as the framework versions do.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class CallerArgumentExpressionAttribute : Attribute
{
    public CallerArgumentExpressionAttribute(string parameterName) => ParameterName = parameterName;

    public string ParameterName { get; }
}
#endif
