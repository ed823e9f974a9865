using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Infrastructure;

/// <summary>Personal access tokens written straight to the database, and API clients that use them.</summary>
public static class ApiClients
{
    /// <summary>Creates a token for the account and returns its secret.</summary>
    public static async Task<string> CreateTokenAsync(this InwardApp app, string email, DateTime? expiresAt = null, DateTime? revokedAt = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == normalized);
        var secret = TokenAuthenticationHandler.NewSecret();
        db.PersonalAccessTokens.Add(new PersonalAccessToken
        {
            UserId = user.Id,
            Name = $"test {Guid.NewGuid():N}",
            Prefix = secret[..8],
            Hash = TokenAuthenticationHandler.Hash(secret),
            CreatedAt = DateTime.UtcNow,
            ExpiresAt = expiresAt,
            RevokedAt = revokedAt,
        });
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>A client that sends the secret as a bearer token and no cookie.</summary>
    public static HttpClient BearerClient(this InwardApp app, string secret)
    {
        var client = app.Client();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    /// <summary>A client with a fresh token of the account.</summary>
    public static async Task<HttpClient> ApiClientAsync(this InwardApp app, string email) =>
        app.BearerClient(await app.CreateTokenAsync(email));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Asserts an RFC 7807 answer with the status and returns its body.</summary>
    public static async Task<JsonElement> AssertProblemAsync(this HttpResponseMessage response, System.Net.HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.JsonAsync();
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("title").GetString()));
        return body;
    }
}
