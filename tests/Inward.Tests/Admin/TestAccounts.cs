using System.Net;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Admin;

/// <summary>Accounts and people a test owns, so the demo accounts are never changed.</summary>
public static class TestAccounts
{
    public const string Password = "a-long-test-password";

    /// <summary>Creates an employee (when <paramref name="withEmployee"/>) and an account with the given roles; returns (e-mail, user id, employee id).</summary>
    public static async Task<(string Email, string UserId, int? EmployeeId)> CreateAsync(InwardApp app, string[] roles, bool withEmployee = true, int? partnerId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<InwardUser>>();
        var email = $"t{Guid.NewGuid():N}@tests.example";
        int? employeeId = null;
        if (withEmployee)
        {
            var employee = new Employee { Name = $"Test {email[..9]}", Email = email, NormalizedEmail = email.ToUpperInvariant() };
            db.Employees.Add(employee);
            await db.SaveChangesAsync();
            employeeId = employee.Id;
        }
        var user = new InwardUser
        {
            Email = email, UserName = email, DisplayName = $"Test {email[..9]}", EmailConfirmed = true, EmployeeId = employeeId,
            PartnerOrganisationId = partnerId, CreatedAt = DateTime.UtcNow,
        };
        Check(await users.CreateAsync(user, Password));
        Check(await users.AddToRolesAsync(user, roles));
        return (email, user.Id, employeeId);
    }

    public static async Task<T> WithDbAsync<T>(InwardApp app, Func<InwardDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<InwardDbContext>());
    }

    public static Task<InwardUser> UserAsync(InwardApp app, string userId) =>
        WithDbAsync(app, db => db.Users.AsNoTracking().SingleAsync(u => u.Id == userId));

    /// <summary>Forbidden pages redirect a signed-in browser to the access-denied page, which answers 403.</summary>
    public static async Task AssertForbiddenAsync(HttpClient client, string url, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        if (request.Method == HttpMethod.Post)
        {
            request.Content = new FormUrlEncodedContent(new Dictionary<string, string>());
        }
        var response = await client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.StartsWith("/account/access-denied", response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal), StringComparison.Ordinal);
            response = await client.GetAsync(response.Headers.Location);
        }
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
