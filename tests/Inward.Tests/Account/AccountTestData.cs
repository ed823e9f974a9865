using System.Text.RegularExpressions;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Inward.Tests.Account;

/// <summary>Own users and employees for account tests: the demo accounts are never locked, deactivated or changed.</summary>
public static partial class AccountTestData
{
    public const string UserPassword = "a-long-enough-password";

    public static string NewEmail(string prefix = "acct") => $"{prefix}{Guid.NewGuid():N}@t.example";

    public static async Task<InwardUser> CreateUserAsync(InwardApp app, string role = Roles.Employee, string? email = null, string? password = UserPassword)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<InwardUser>>();
        email ??= NewEmail();
        var user = new InwardUser { UserName = email, Email = email, DisplayName = "Test " + email[..12], CreatedAt = DateTime.UtcNow };
        Check(password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
        return user;
    }

    public static async Task<Employee> CreateEmployeeAsync(InwardApp app, bool active = true, string language = "en")
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var email = NewEmail("emp");
        var employee = new Employee
        {
            Name = "Invitee " + email[3..11],
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            Language = language,
            IsActive = active,
        };
        db.Employees.Add(employee);
        await db.SaveChangesAsync();
        return employee;
    }

    public static async Task<InwardUser?> FindUserAsync(InwardApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<InwardUser>>().FindByEmailAsync(email);
    }

    /// <summary>The account link of an invitation or reset mail (from the text part).</summary>
    public static string LinkIn(MimeMessage message, string path)
    {
        var match = Regex.Match(message.TextBody ?? "", $@"https?://\S+{Regex.Escape(path)}\?\S+");
        Assert.True(match.Success, $"No {path} link in: {message.TextBody}");
        Assert.Contains(match.Value, System.Net.WebUtility.HtmlDecode(message.HtmlBody), StringComparison.Ordinal);
        return match.Value;
    }

    public static Dictionary<string, string> NewPassword(string password) => new()
    {
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    /// <summary>The path of a redirect, whether the Location header is absolute or relative.</summary>
    public static string RedirectPath(HttpResponseMessage response) =>
        new Uri(new Uri("http://localhost"), response.Headers.Location!).AbsolutePath;

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
