using System;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Farm.Server;

/// <summary>
/// Google's token endpoint (<c>POST /token</c>: the JWT-bearer and refresh-token grants) and the metadata server's
/// token (<c>GET /computeMetadata/v1/instance/service-accounts/default/token</c>, only with <c>Metadata-Flavor: Google</c>),
/// both answering <c>{"access_token", "expires_in", "token_type"}</c>.
/// </summary>
internal sealed class TokenEndpoints
{
    public const string TokenPath = "/token";
    public const string MetadataPrefix = "/computeMetadata/v1/";

    private readonly TokenAuthority authority;

    public TokenEndpoints(TokenAuthority authority) => this.authority = authority;

    public async Task TokenAsync(HttpContext context)
    {
        try
        {
            await WriteAsync(context, await GrantAsync(context));
        }
        catch (FarmApiException e) when (!context.Response.HasStarted)
        {
            // OAuth endpoints answer in RFC 6749's error format, not the API's.
            context.Response.StatusCode = e.StatusCode;
            context.Response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(context.Response.Body);
            json.WriteStartObject();
            json.WriteString("error", e.Reason);
            json.WriteString("error_description", e.Message);
            json.WriteEndObject();
        }
    }

    private async Task<IssuedToken> GrantAsync(HttpContext context)
    {
        if (!context.Request.HasFormContentType)
        {
            throw new FarmApiException(400, "invalid_request", "The token request must be application/x-www-form-urlencoded.");
        }

        IFormCollection form = await context.Request.ReadFormAsync(context.RequestAborted);
        return form["grant_type"].ToString() switch
        {
            "urn:ietf:params:oauth:grant-type:jwt-bearer" => FromAssertion(context, form["assertion"].ToString()),
            "refresh_token" => FromRefreshToken(form["client_id"].ToString(), form["client_secret"].ToString(), form["refresh_token"].ToString()),
            string other => throw new FarmApiException(400, "unsupported_grant_type", $"Unsupported grant_type '{other}'."),
        };
    }

    /// <summary>The metadata server: its root answers the detection probe, its token path issues tokens.</summary>
    public async Task MetadataAsync(HttpContext context)
    {
        if (context.Request.Headers["Metadata-Flavor"] != "Google")
        {
            throw new FarmApiException(403, "forbidden", "Missing Metadata-Flavor: Google header.");
        }

        context.Response.Headers["Metadata-Flavor"] = "Google";
        string path = context.Request.Path.Value ?? string.Empty;
        if (path == MetadataPrefix)
        {
            context.Response.ContentType = "application/text";
            await context.Response.WriteAsync("instance/\nproject/\n", context.RequestAborted);
        }
        else if (path == MetadataPrefix + "instance/service-accounts/default/token")
        {
            await WriteAsync(context, authority.Issue(TokenGrant.Metadata, null, context.Request.Query["scopes"].ToString()));
        }
        else
        {
            throw FarmApiException.NotFound($"No metadata at {path}.");
        }
    }

    private IssuedToken FromAssertion(HttpContext context, string assertion)
    {
        var audience = new Uri($"{context.Request.Scheme}://{context.Request.Host}{TokenPath}");
        var (issuer, scope) = JwtAssertion.Verify(assertion, audience, authority);
        return authority.Issue(TokenGrant.JwtBearer, issuer, scope);
    }

    private IssuedToken FromRefreshToken(string clientId, string clientSecret, string refreshToken) =>
        authority.IsTrustedUser(clientId, clientSecret, refreshToken)
            ? authority.Issue(TokenGrant.RefreshToken, clientId, null)
            : throw new FarmApiException(400, "invalid_grant", "Bad Request");

    private async Task WriteAsync(HttpContext context, IssuedToken token)
    {
        if (authority.IssueDelay > TimeSpan.Zero)
        {
            await Task.Delay(authority.IssueDelay, context.RequestAborted);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("access_token", token.AccessToken);
        json.WriteNumber("expires_in", (long)authority.TokenLifetime.TotalSeconds);
        json.WriteString("token_type", "Bearer");
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
