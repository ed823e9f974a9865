using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace Inward.Platform.Web;

/// <summary>
/// JSON request bodies read inside the handler instead of by parameter binding. Bound bodies make routing answer
/// 415 to a wrong content type before authorisation runs, so a user without the right would learn "wrong format"
/// instead of getting 403; reading the body here keeps the order: authorisation first, then the body.
/// </summary>
public static class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken ct)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: "Send the request body as application/json."));
        }
        try
        {
            return await request.ReadFromJsonAsync<T>(ct) is { } value
                ? (value, null)
                : (null, BadRequest("The request body is empty."));
        }
        catch (JsonException)
        {
            return (null, BadRequest("The request body is not valid JSON for this request."));
        }
    }

    /// <summary>Documents the JSON body in OpenAPI, as binding would have.</summary>
    public static RouteHandlerBuilder AcceptsJson<T>(this RouteHandlerBuilder builder) =>
        builder
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .AddOpenApiOperationTransformer(async (operation, context, ct) =>
            {
                operation.RequestBody = new OpenApiRequestBody
                {
                    Required = true,
                    Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
                    {
                        ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(typeof(T), null, ct) },
                    },
                };
            });

    private static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);
}
