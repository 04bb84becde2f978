#if NETSTANDARD2_0
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace Discovery.Runtime;

/// <summary>
/// netstandard2.0 has no synchronous HttpClient.Send or HttpContent.ReadAsStream, so the synchronous Execute path
/// blocks on the asynchronous call there (as Google's own .NET client does everywhere). HttpClient completes its
/// continuations with ConfigureAwait(false), so this does not deadlock under a UI SynchronizationContext, but it
/// does hold a thread-pool thread for the length of the exchange. On net8.0 the path stays truly synchronous.
/// </summary>
internal static class SyncHttpFallbacks
{
    public static HttpResponseMessage Send(this HttpClient client, HttpRequestMessage request, HttpCompletionOption completionOption, CancellationToken cancellationToken)
        => client.SendAsync(request, completionOption, cancellationToken).GetAwaiter().GetResult();

    public static Stream ReadAsStream(this HttpContent content, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return content.ReadAsStreamAsync().GetAwaiter().GetResult();
    }
}
#endif
