using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Inward.Features.InternalCustomers;

/// <summary>
/// A JSON request body read by the handler after authorisation (415 for another content type, 400 for broken JSON),
/// and its description for the OpenAPI document, which an inferred body parameter would otherwise give.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Error)> ReadAsync<T>(HttpRequest http, CancellationToken ct) where T : class
    {
        if (!http.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send the body as application/json."));
        }
        try
        {
            return await http.ReadFromJsonAsync<T>(ct) is { } value
                ? (value, null)
                : (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: "The body is empty."));
        }
        catch (JsonException)
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request",
                detail: "The body is not valid JSON for this request."));
        }
    }

    public static async Task Describe<T>(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct) },
            },
        };
    }
}
