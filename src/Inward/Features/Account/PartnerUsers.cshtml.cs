using System.ComponentModel.DataAnnotations;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Account;

/// <summary>A partner organisation's users, and invitations of new ones.</summary>
[RequireCapability(Capability.ManagePeople)]
public sealed class PartnerUsersModel(InwardDbContext db, Invitations invitations) : PageModel
{
    public sealed record PartnerUser(string Name, string Email, bool IsActive, bool Activated);

    public string OrganisationName { get; private set; } = "";
    public List<PartnerUser> Users { get; private set; } = [];
    public InvitationResult? Result { get; private set; }

    [BindProperty] public InviteInput Input { get; set; } = new();

    public sealed class InviteInput
    {
        [Required(ErrorMessage = "Enter the name.")]
        [StringLength(200, ErrorMessage = "The name is at most 200 characters long.")]
        [Display(Name = "Name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Enter the e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(256, ErrorMessage = "The e-mail address is at most 256 characters long.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Display(Name = "Language")]
        public string Language { get; set; } = "en";
    }

    public async Task<IActionResult> OnGetAsync(int id) =>
        await LoadAsync(id) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (!ModelState.IsValid)
        {
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        Result = await invitations.InvitePartnerUserAsync(id, Input.Name.Trim(), Input.Email.Trim(), Input.Language, Request, ct);
        if (Result is null)
        {
            return NotFound();
        }
        if (!Result.Sent)
        {
            ModelState.AddModelError("", Result.Error!);
            return new PageResult { StatusCode = StatusCodes.Status400BadRequest };
        }
        ModelState.Clear();
        Input = new InviteInput();
        await LoadAsync(id);
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        var name = await db.PartnerOrganisations.AsNoTracking().Where(p => p.Id == id).Select(p => p.Name).SingleOrDefaultAsync();
        if (name is null)
        {
            return false;
        }
        OrganisationName = name;
        Users = await db.Users.AsNoTracking().Where(u => u.PartnerOrganisationId == id)
            .OrderBy(u => u.DisplayName)
            .Select(u => new PartnerUser(u.DisplayName, u.Email ?? "", u.IsActive, u.PasswordHash != null))
            .ToListAsync();
        return true;
    }
}
