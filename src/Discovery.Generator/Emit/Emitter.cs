using Discovery.Generator.Model;

namespace Discovery.Generator.Emit;

/// <summary>Emitter: one output unit of the model to the text of one source file. A pure function.</summary>
internal static class Emitter
{
    public static string Emit(OutputUnit unit) => unit switch
    {
        ServiceUnit service => ServiceEmitter.Emit(service.Service, unit.Context),
        ResourceUnit resource => ResourceEmitter.Emit(resource.Resource, unit.Context),
        SchemaGroupUnit group => SchemaEmitter.Emit(group.Schemas, unit.Context),
        _ => throw new System.ArgumentException("Unknown output unit kind " + unit.GetType().Name, nameof(unit)),
    };
}
