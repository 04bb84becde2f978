using System.Diagnostics;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// The pipeline is written once with a <c>bool async</c> flag. With async = false every awaited operation is a
/// synchronous call (HttpClient.Send, Stream.Read, a blocking timer wait) that returns a completed ValueTask,
/// so the outer ValueTask is already complete when it is returned; reading its result here never blocks.
/// </summary>
internal static class SyncPath
{
    public static T Result<T>(ValueTask<T> completed)
    {
        Debug.Assert(completed.IsCompleted, "The synchronous pipeline path must complete synchronously.");
        return completed.GetAwaiter().GetResult();
    }

    public static void Complete(ValueTask completed)
    {
        Debug.Assert(completed.IsCompleted, "The synchronous pipeline path must complete synchronously.");
        completed.GetAwaiter().GetResult();
    }
}
