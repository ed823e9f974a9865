using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Account;

/// <summary>Invites an employee from their profile: creates the account and e-mails a set-password link.</summary>
[RequireCapability(Capability.ManagePeople)]
public sealed class InviteModel(InwardDbContext db, Invitations invitations) : PageModel
{
    public sealed record Person(int Id, string Name, string Email, bool IsActive, bool HasAccount, bool HasPassword);

    public Person Employee { get; private set; } = null!;
    public InvitationResult? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (await LoadAsync(id) is not { } person)
        {
            return NotFound();
        }
        Employee = person;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        var result = await invitations.InviteEmployeeAsync(id, Request, ct);
        if (result is null || await LoadAsync(id) is not { } person)
        {
            return NotFound();
        }
        Employee = person;
        Result = result;
        return result.Sent ? Page() : new PageResult { StatusCode = StatusCodes.Status400BadRequest };
    }

    private Task<Person?> LoadAsync(int id) =>
        db.Employees.AsNoTracking().Where(e => e.Id == id)
            .Select(e => new Person(e.Id, e.Name, e.Email, e.IsActive,
                db.Users.Any(u => u.EmployeeId == e.Id),
                db.Users.Any(u => u.EmployeeId == e.Id && u.PasswordHash != null)))
            .SingleOrDefaultAsync();
}
