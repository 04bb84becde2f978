namespace Discovery.Runtime;

/// <summary>
/// The system parameters every Google API accepts on every method (a discovery document lists them as its
/// global "parameters"). They live here once instead of in a generated base class per document, so that a
/// generated request can derive from <see cref="MediaUploadRequest{TResponse}"/> and the generated code
/// stays small. A document's other global parameters are generated on each request.
/// </summary>
public abstract partial class RequestBase
{
    /// <summary>V1 error format (<c>$.xgafv</c>): "1" or "2".</summary>
    public string? Xgafv { get; set; }

    /// <summary>OAuth access token (<c>access_token</c>); prefer <see cref="ServiceOptions.AccessTokenProvider"/>, which keeps it out of URLs.</summary>
    public string? AccessToken { get; set; }

    /// <summary>Data format for the response (<c>alt</c>); the client reads JSON, which it asks for unless this is set.</summary>
    public string? Alt { get; set; }

    /// <summary>JSONP callback (<c>callback</c>).</summary>
    public string? Callback { get; set; }

    /// <summary>Selector of the fields to include in a partial response (<c>fields</c>).</summary>
    public string? Fields { get; set; }

    /// <summary>API key (<c>key</c>); <see cref="ServiceOptions.ApiKey"/> sets it for every request.</summary>
    public string? Key { get; set; }

    /// <summary>OAuth 2.0 token for the current user (<c>oauth_token</c>).</summary>
    public string? OauthToken { get; set; }

    /// <summary>Returns the response with indentation and line breaks (<c>prettyPrint</c>).</summary>
    public bool? PrettyPrint { get; set; }

    /// <summary>Quota attribution for server-side applications (<c>quotaUser</c>).</summary>
    public string? QuotaUser { get; set; }

    /// <summary>Upload protocol for media (<c>upload_protocol</c>).</summary>
    public string? UploadProtocol { get; set; }

    /// <summary>Legacy upload protocol for media (<c>uploadType</c>); the runtime sets it for uploads.</summary>
    public string? UploadType { get; set; }

    /// <summary>Legacy: IP address of the end user for quota purposes (<c>userIp</c>); prefer <see cref="QuotaUser"/>.</summary>
    public string? UserIp { get; set; }

    private void AddStandardParameters(QueryBuilder query)
    {
        query.Add("$.xgafv", Xgafv);
        query.Add("access_token", AccessToken);
        query.Add("alt", Alt);
        query.Add("callback", Callback);
        query.Add("fields", Fields);
        query.Add("key", Key);
        query.Add("oauth_token", OauthToken);
        query.Add("prettyPrint", PrettyPrint);
        query.Add("quotaUser", QuotaUser);
        query.Add("upload_protocol", UploadProtocol);
        query.Add("uploadType", UploadType);
        query.Add("userIp", UserIp);
    }
}
