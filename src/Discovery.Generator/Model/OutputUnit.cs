using Discovery.Generator.Common;

namespace Discovery.Generator.Model;

/// <summary>One generated source file's worth of model; the kinds are the sealed records below.</summary>
internal abstract record OutputUnit(string HintName, FileContext Context);

internal sealed record ServiceUnit(string HintName, FileContext Context, ServiceModel Service) : OutputUnit(HintName, Context);

internal sealed record ResourceUnit(string HintName, FileContext Context, ResourceModel Resource) : OutputUnit(HintName, Context);

/// <summary>Schema classes sharing a first letter, so an edit to one schema regenerates one file.</summary>
internal sealed record SchemaGroupUnit(string HintName, FileContext Context, EquatableArray<SchemaModel> Schemas) : OutputUnit(HintName, Context);

/// <summary>What every file of one document needs to know; <see cref="HasData"/>: whether any schema class is generated.</summary>
internal sealed record FileContext(string Namespace, string SourceFile, bool DataWrapper, bool HasData);
