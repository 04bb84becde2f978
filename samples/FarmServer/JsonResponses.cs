using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Farm.Server;

/// <summary>Reads and writes the JSON bodies of the Farm API.</summary>
internal static class JsonResponses
{
    /// <summary>Metadata bodies are tiny; the cap keeps a hostile client from filling memory.</summary>
    private const int MaxMetadataBytes = 1024 * 1024;

    public static async Task WriteAsync<T>(HttpContext context, int statusCode, T value, Func<FarmJsonContext, JsonTypeInfo<T>> typeInfo)
    {
        bool compact = string.Equals(context.Request.Query["prettyPrint"], "false", StringComparison.OrdinalIgnoreCase);
        FarmJsonContext json = compact ? FarmJsonContext.Compact : FarmJsonContext.Indented;
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = "application/json; charset=UTF-8";
        await JsonSerializer.SerializeAsync(context.Response.Body, value, typeInfo(json), context.RequestAborted);
    }

    public static Task WriteAnimalAsync(HttpContext context, AnimalResource animal) =>
        WriteAsync(context, StatusCodes.Status200OK, animal, static j => j.AnimalResource);

    public static Task WriteErrorAsync(HttpContext context, int statusCode, string reason, string message) =>
        WriteAsync(context, statusCode, Error(statusCode, reason, message), static j => j.ErrorResource);

    /// <summary>A Google JSON error body, compact, for answers that are not written to a response directly (batch parts).</summary>
    public static byte[] ErrorBytes(int statusCode, string reason, string message) =>
        JsonSerializer.SerializeToUtf8Bytes(Error(statusCode, reason, message), FarmJsonContext.Compact.ErrorResource);

    private static ErrorResource Error(int statusCode, string reason, string message) => new()
    {
        Error = new ErrorBody
        {
            Code = statusCode,
            Message = message,
            Errors = [new ErrorItem { Message = message, Domain = "global", Reason = reason }],
            Status = StatusName(statusCode),
        },
    };

    /// <summary>Parses an <c>Animal</c> request body, or returns null when the body is empty.</summary>
    public static async Task<AnimalResource?> ReadAnimalAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxMetadataBytes)
            {
                throw new FarmApiException(413, "requestTooLarge", $"Metadata larger than {MaxMetadataBytes} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), FarmJsonContext.Default.AnimalResource)
                ?? throw new FarmApiException(400, "parseError", "Invalid JSON payload received. Expected an object, got null.");
        }
        catch (JsonException e)
        {
            throw new FarmApiException(400, "parseError", "Invalid JSON payload received. " + e.Message);
        }
    }

    private static string? StatusName(int statusCode) => statusCode switch
    {
        400 => "INVALID_ARGUMENT",
        404 => "NOT_FOUND",
        405 => "METHOD_NOT_ALLOWED",
        413 => "OUT_OF_RANGE",
        416 => "OUT_OF_RANGE",
        499 => "CANCELLED",
        500 => "INTERNAL",
        503 => "UNAVAILABLE",
        _ => null,
    };
}
