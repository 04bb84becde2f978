using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Farm.Server;

/// <summary>Turns exceptions into Google JSON errors, and stays quiet about clients that went away.</summary>
internal sealed class ErrorMiddleware
{
    private readonly Action<string>? log;

    public ErrorMiddleware(Action<string>? log)
    {
        this.log = log;
    }

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client disconnected (or a fault aborted the connection); nobody is left to answer.
        }
        catch (FarmApiException e) when (!context.Response.HasStarted)
        {
            await JsonResponses.WriteErrorAsync(context, e.StatusCode, e.Reason, e.Message);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            await JsonResponses.WriteErrorAsync(context, e.StatusCode, "badRequest", e.Message);
        }
        catch (Exception e) when (!context.Response.HasStarted && e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            log?.Invoke($"unexpected error on {context.Request.Method} {context.Request.Path}: {e}");
            await JsonResponses.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, "backendError", "Backend Error");
        }
    }
}
