using System;
using System.Net.Http;

namespace Discovery.Runtime;

/// <summary>
/// What a request tells the upload code about itself: its verb, its upload URI (uploadType already chosen) and
/// its JSON metadata when the method has a body. The upload code never calls back into the request.
/// </summary>
internal sealed record UploadTarget(HttpMethod Method, Uri Uri, byte[]? Metadata);
