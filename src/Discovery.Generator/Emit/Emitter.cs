using Discovery.Generator.Model;

namespace Discovery.Generator.Emit;

/// <summary>Emitter: one output unit of the model to the text of one source file. A pure function.</summary>
internal static class Emitter
{
    public static string Emit(OutputUnit unit)
    {
        if (unit.Service is { } service)
        {
            return ServiceEmitter.Emit(service, unit.Context);
        }

        if (unit.Resource is { } resource)
        {
            return ResourceEmitter.Emit(resource, unit.Context);
        }

        return SchemaEmitter.Emit(unit.Schemas!, unit.Context);
    }
}
