using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Inward.Platform.Audit;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Account;

/// <summary>
/// The user's passkeys: list, add (wwwroot/js/passkeys.js runs navigator.credentials.create with options from
/// /account/passkeys/creation-options and posts the credential here), rename, delete.
/// </summary>
[Authorize]
[EnableRateLimiting(Platform.Web.WebSetup.SignInLimit)]
public sealed class PasskeysModel(
    UserManager<InwardUser> users,
    SignInManager<InwardUser> signIn,
    AuditLog audit,
    IStringLocalizer<Strings> t,
    ILogger<PasskeysModel> logger) : PageModel
{
    public const int MaxNameLength = 100;

    public sealed record PasskeyRow(string Id, string Name, DateTime CreatedAt);

    public List<PasskeyRow> Passkeys { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(string? done)
    {
        Message = done switch
        {
            "added" => t["The passkey was added."].Value,
            "renamed" => t["The passkey was renamed."].Value,
            "deleted" => t["The passkey was deleted."].Value,
            _ => null,
        };
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAddAsync(string? credential, string? name)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (string.IsNullOrWhiteSpace(credential))
        {
            return await ShowErrorAsync(t["No passkey was received from the browser."]);
        }
        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(credential);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            logger.LogInformation(e, "Passkey attestation for user {UserId} failed", user.Id);
            return await ShowErrorAsync(t["The passkey could not be added. Please try again."]);
        }
        if (!attestation.Succeeded)
        {
            logger.LogInformation("Passkey attestation for user {UserId} failed: {Reason}", user.Id, attestation.Failure.Message);
            return await ShowErrorAsync(t["The passkey could not be added. Please try again."]);
        }
        // The credential must have been made for this account (the options carried its id).
        if (attestation.UserEntity.Id != user.Id)
        {
            return await ShowErrorAsync(t["The passkey could not be added. Please try again."]);
        }
        var passkey = attestation.Passkey;
        passkey.Name = CleanName(name) ?? t["Passkey {0}", DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)];
        var result = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!result.Succeeded)
        {
            return await ShowErrorAsync(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        await audit.RecordAsync("PasskeyAdded", nameof(InwardUser), user.Id, new { passkey.Name });
        return RedirectToPage(new { done = "added" });
    }

    public async Task<IActionResult> OnPostRenameAsync(string? id, string? name)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (await FindAsync(user, id) is not { } passkey)
        {
            return NotFound();
        }
        if (CleanName(name) is not { } newName)
        {
            return await ShowErrorAsync(t["Give the passkey a name of at most {0} characters.", MaxNameLength]);
        }
        var before = passkey.Name;
        passkey.Name = newName;
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        await audit.RecordAsync("PasskeyRenamed", nameof(InwardUser), user.Id, new { before, after = newName });
        return RedirectToPage(new { done = "renamed" });
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? id)
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        if (await FindAsync(user, id) is not { } passkey)
        {
            return NotFound();
        }
        await users.RemovePasskeyAsync(user, passkey.CredentialId);
        await audit.RecordAsync("PasskeyRemoved", nameof(InwardUser), user.Id, new { passkey.Name });
        return RedirectToPage(new { done = "deleted" });
    }

    private async Task<UserPasskeyInfo?> FindAsync(InwardUser user, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return null;
        }
        byte[] credentialId;
        try
        {
            credentialId = WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }
        return await users.GetPasskeyAsync(user, credentialId);
    }

    private static string? CleanName(string? name) =>
        name?.Trim() is { Length: > 0 and <= MaxNameLength } n ? n : null;

    private async Task<IActionResult> ShowErrorAsync(string error)
    {
        ModelState.AddModelError("", error);
        var page = await ShowAsync();
        return page is PageResult ? new PageResult { StatusCode = StatusCodes.Status400BadRequest } : page;
    }

    private async Task<IActionResult> ShowAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }
        Passkeys = [.. (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(WebEncoders.Base64UrlEncode(p.CredentialId), p.Name ?? "", p.CreatedAt.UtcDateTime))];
        return Page();
    }
}
