using Discovery.Generator.Common;
using Discovery.Generator.Diagnostics;
using Discovery.Generator.Model;

namespace Discovery.Generator.Parsing;

/// <summary>What one document turns into: the files to emit and the diagnostics to report.</summary>
internal sealed record ParseResult(EquatableArray<OutputUnit> Units, EquatableArray<DiagnosticInfo> Diagnostics);
