using Inward.Features.People;
using Inward.Platform.Audit;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Localisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Account;

/// <summary>The outcome of an invitation: sent (first time or again), or refused with a reason for the page.</summary>
public sealed record InvitationResult(bool Sent, bool Resent, string? Error, string? Email = null)
{
    public static InvitationResult Refused(string error) => new(false, false, error);
}

/// <summary>
/// Creates accounts without a password for employees and partner users and e-mails them a set-password link.
/// Inviting again someone who has not chosen a password yet sends a fresh link.
/// </summary>
public sealed class Invitations(
    InwardDbContext db,
    UserManager<InwardUser> users,
    PasswordLinks links,
    AccountMail mail,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<Strings> t,
    ILogger<Invitations> logger)
{
    /// <returns>null when there is no such employee.</returns>
    public async Task<InvitationResult?> InviteEmployeeAsync(int employeeId, HttpRequest request, CancellationToken ct = default)
    {
        var employee = await db.Employees.AsNoTracking().SingleOrDefaultAsync(e => e.Id == employeeId, ct);
        if (employee is null)
        {
            return null;
        }
        if (!employee.IsActive)
        {
            return InvitationResult.Refused(t["{0} is inactive and cannot be invited.", employee.Name]);
        }
        var user = await db.Users.SingleOrDefaultAsync(u => u.EmployeeId == employee.Id, ct);
        if (user is null)
        {
            if (await users.FindByEmailAsync(employee.Email) is not null)
            {
                return InvitationResult.Refused(t["Another account already uses the e-mail address {0}.", employee.Email]);
            }
            user = new InwardUser
            {
                UserName = employee.Email,
                Email = employee.Email,
                DisplayName = employee.Name,
                Language = LocalisationSetup.IsSupported(employee.Language) ? employee.Language : "en",
                EmployeeId = employee.Id,
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            var created = await CreateAsync(user, Roles.Employee);
            if (created is not null)
            {
                return created;
            }
            return await SendAsync(user, resent: false, request, ct);
        }
        return await ResendAsync(user, request, ct);
    }

    /// <returns>null when there is no such partner organisation.</returns>
    public async Task<InvitationResult?> InvitePartnerUserAsync(int organisationId, string name, string email, string language, HttpRequest request, CancellationToken ct = default)
    {
        if (!await db.PartnerOrganisations.AnyAsync(p => p.Id == organisationId, ct))
        {
            return null;
        }
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            return existing.PartnerOrganisationId == organisationId
                ? await ResendAsync(existing, request, ct)
                : InvitationResult.Refused(t["Another account already uses the e-mail address {0}.", email]);
        }
        var user = new InwardUser
        {
            UserName = email,
            Email = email,
            DisplayName = name,
            Language = LocalisationSetup.IsSupported(language) ? language : "en",
            PartnerOrganisationId = organisationId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        return await CreateAsync(user, Roles.Partner) ?? await SendAsync(user, resent: false, request, ct);
    }

    private async Task<InvitationResult> ResendAsync(InwardUser user, HttpRequest request, CancellationToken ct)
    {
        if (!user.IsActive)
        {
            return InvitationResult.Refused(t["The account of {0} is deactivated.", user.DisplayName]);
        }
        if (user.PasswordHash is not null || await users.GetPasskeysAsync(user) is { Count: > 0 })
        {
            return InvitationResult.Refused(t["{0} has already activated their account.", user.DisplayName]);
        }
        return await SendAsync(user, resent: true, request, ct);
    }

    private async Task<InvitationResult?> CreateAsync(InwardUser user, string role)
    {
        var result = await users.CreateAsync(user);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, role);
        }
        return result.Succeeded ? null : InvitationResult.Refused(string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private async Task<InvitationResult> SendAsync(InwardUser user, bool resent, HttpRequest request, CancellationToken ct)
    {
        var link = await links.CreateAsync(user, PasswordLinks.SetPasswordPath, request);
        try
        {
            await mail.SendInvitationAsync(user, link, ct);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException or System.Security.Authentication.AuthenticationException)
        {
            logger.LogError(e, "The invitation mail for user {UserId} could not be sent", user.Id);
            return InvitationResult.Refused(t["The account exists, but the e-mail could not be sent. Check the mail settings and invite again."]);
        }
        await audit.RecordAsync(resent ? "InvitationResent" : "Invited", nameof(InwardUser), user.Id, new { user.Email, user.EmployeeId, user.PartnerOrganisationId });
        return new InvitationResult(true, resent, null, user.Email);
    }
}
