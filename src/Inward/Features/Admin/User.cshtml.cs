using Inward.Features.Account;
using Inward.Platform.Audit;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Admin;

/// <summary>An account's access roles and whether it may sign in. Role grants and removals are audited by the interceptor too.</summary>
[RequireCapability(Capability.ManageRoles)]
public sealed class UserModel(InwardDbContext db, UserManager<InwardUser> users, AccountDeactivation accounts, AuditLog audit, IStringLocalizer<Strings> T) : PageModel
{
    [BindProperty] public List<string> SelectedRoles { get; set; } = [];
    [BindProperty] public bool IsActive { get; set; }
    [BindProperty(SupportsGet = true)] public string? Done { get; set; }

    public InwardUser Account { get; private set; } = null!;
    public IReadOnlyList<string> Assignable { get; private set; } = [];
    public IReadOnlyList<string> Current { get; private set; } = [];
    public string? Partner { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        SelectedRoles = [.. Current];
        IsActive = Account.IsActive;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        var requested = SelectedRoles.Distinct(StringComparer.Ordinal).ToList();
        var isSelf = string.Equals(users.GetUserId(User), Account.Id, StringComparison.Ordinal);
        foreach (var (message, args) in AccountRules.Check(isSelf, Account.PartnerOrganisationId is not null, Current, requested, IsActive))
        {
            ModelState.AddModelError("", T[message, args]);
        }
        if (!ModelState.IsValid)
        {
            return Page();
        }
        var add = requested.Except(Current, StringComparer.Ordinal).ToList();
        var remove = Current.Except(requested, StringComparer.Ordinal).ToList();
        await using var tx = await db.Database.BeginTransactionAsync();
        if (add.Count > 0)
        {
            Ensure(await users.AddToRolesAsync(Account, add));
        }
        if (remove.Count > 0)
        {
            Ensure(await users.RemoveFromRolesAsync(Account, remove));
        }
        if (add.Count + remove.Count > 0)
        {
            await audit.RecordAsync("RolesChanged", nameof(InwardUser), Account.Id,
                new { Roles = requested.Order(StringComparer.Ordinal).ToArray() }, before: new { Roles = Current.ToArray() });
        }
        if (IsActive != Account.IsActive)
        {
            await accounts.SetActiveAsync(Account, IsActive);
        }
        await tx.CommitAsync();
        return RedirectToPage(new { id, done = "saved" });
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    private async Task<bool> LoadAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } account)
        {
            return false;
        }
        Account = account;
        Assignable = AccountRules.AssignableRoles(account.PartnerOrganisationId is not null);
        Current = [.. (await users.GetRolesAsync(account)).Order(StringComparer.Ordinal)];
        Partner = account.PartnerOrganisationId is { } p
            ? await db.PartnerOrganisations.Where(o => o.Id == p).Select(o => o.Name).SingleOrDefaultAsync()
            : null;
        return true;
    }
}
