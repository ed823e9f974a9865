using System.Globalization;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Platform.Localisation;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.People;

/// <summary>The employee form as typed in. The manager is chosen by e-mail: a select of thousands of people helps nobody.</summary>
public sealed class EmployeeForm
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? EmployeeNumber { get; set; }
    public int? DepartmentId { get; set; }
    public int? LocationId { get; set; }
    public int? JobRoleId { get; set; }
    public string? ManagerEmail { get; set; }
    /// <summary>yyyy-MM-dd as an HTML date input sends it, parsed without regard to the UI culture.</summary>
    public string? HireDate { get; set; }
    public string Language { get; set; } = "en";
    public bool IsFrontline { get; set; }
    public bool IsActive { get; set; } = true;

    public static EmployeeForm From(Employee e, string? managerEmail) => new()
    {
        Name = e.Name,
        Email = e.Email,
        EmployeeNumber = e.EmployeeNumber,
        DepartmentId = e.DepartmentId,
        LocationId = e.LocationId,
        JobRoleId = e.JobRoleId,
        ManagerEmail = managerEmail,
        HireDate = e.HireDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Language = e.Language,
        IsFrontline = e.IsFrontline,
        IsActive = e.IsActive,
    };
}

/// <summary>The select lists of the employee form.</summary>
public sealed record EmployeeChoices(List<SelectListItem> Departments, List<SelectListItem> Locations, List<SelectListItem> JobRoles);

/// <summary>Validates and applies the employee form; keeps the person's account in step when they are (de)activated.</summary>
public sealed class EmployeeEditor(InwardDbContext db, UserManager<InwardUser> users, Account.AccountDeactivation accounts,
    IEnumerable<IRosterChangedHandler> rosterChanged)
{
    public const int MaxName = 200;
    public const int MaxEmail = 256;
    public const int MaxNumber = 64;

    public async Task<EmployeeChoices> ChoicesAsync()
    {
        static SelectListItem Item(int id, string name) => new(name, id.ToString(CultureInfo.InvariantCulture));
        return new EmployeeChoices(
            (await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync()).Select(d => Item(d.Id, d.Name)).ToList(),
            (await db.Locations.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync()).Select(d => Item(d.Id, d.Name)).ToList(),
            (await db.JobRoles.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync()).Select(d => Item(d.Id, d.Name)).ToList());
    }

    public async Task<string?> ManagerEmailOfAsync(int? managerId) =>
        managerId is { } id ? await db.Employees.Where(e => e.Id == id).Select(e => e.Email).SingleOrDefaultAsync() : null;

    /// <summary>Problems with the form (field, English message, arguments) and the manager it names.</summary>
    /// <param name="actorManagesRoles">Whether the acting user may grant roles; only they may (de)activate an administrator.</param>
    public async Task<(List<(string Field, string Message, object[] Arguments)> Errors, int? ManagerId)> ValidateAsync(EmployeeForm form, int? id,
        int? actingEmployeeId, bool actorManagesRoles)
    {
        var errors = new List<(string, string, object[])>();
        void Add(string field, string message, params object[] args) => errors.Add((field, message, args));

        var name = form.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            Add(nameof(form.Name), "Enter the person's name.");
        }
        else if (name.Length > MaxName)
        {
            Add(nameof(form.Name), "The name can have at most {0} characters.", MaxName);
        }

        var email = form.Email?.Trim() ?? "";
        if (!IsEmail(email))
        {
            Add(nameof(form.Email), "Enter a valid e-mail address.");
        }
        else if (email.Length > MaxEmail)
        {
            Add(nameof(form.Email), "The e-mail address can have at most {0} characters.", MaxEmail);
        }
        else
        {
            var normalized = email.ToUpperInvariant();
            if (await db.Employees.AnyAsync(e => e.NormalizedEmail == normalized && e.Id != id))
            {
                Add(nameof(form.Email), "Another person already has this e-mail address.");
            }
        }

        var number = form.EmployeeNumber?.Trim();
        if (!string.IsNullOrEmpty(number))
        {
            if (number.Length > MaxNumber)
            {
                Add(nameof(form.EmployeeNumber), "The employee number can have at most {0} characters.", MaxNumber);
            }
            else if (await db.Employees.AnyAsync(e => e.EmployeeNumber == number && e.Id != id))
            {
                Add(nameof(form.EmployeeNumber), "Another person already has this employee number.");
            }
        }

        if (form.DepartmentId is { } dep && !await db.Departments.AnyAsync(d => d.Id == dep))
        {
            Add(nameof(form.DepartmentId), "Choose a department from the list.");
        }
        if (form.LocationId is { } loc && !await db.Locations.AnyAsync(l => l.Id == loc))
        {
            Add(nameof(form.LocationId), "Choose a location from the list.");
        }
        if (form.JobRoleId is { } role && !await db.JobRoles.AnyAsync(r => r.Id == role))
        {
            Add(nameof(form.JobRoleId), "Choose a job role from the list.");
        }
        if (!string.IsNullOrWhiteSpace(form.HireDate) && ParseDate(form.HireDate) is null)
        {
            Add(nameof(form.HireDate), "Enter the hire date as a date, such as 2024-03-01.");
        }
        if (!LocalisationSetup.IsSupported(form.Language))
        {
            Add(nameof(form.Language), "Choose English, Arabic or Polish.");
        }
        if (id is not null && id == actingEmployeeId && !form.IsActive)
        {
            Add(nameof(form.IsActive), "You cannot deactivate yourself.");
        }
        else if (id is { } editedId && !actorManagesRoles
            && await db.Employees.AnyAsync(e => e.Id == editedId && e.IsActive != form.IsActive)
            && await IsAdministratorAsync(editedId))
        {
            // Otherwise HR could lock every administrator out.
            Add(nameof(form.IsActive), "Only an administrator can deactivate or reactivate a person whose account has the Admin role.");
        }

        int? managerId = null;
        if (!string.IsNullOrWhiteSpace(form.ManagerEmail))
        {
            var managerKey = form.ManagerEmail.Trim().ToUpperInvariant();
            var manager = await db.Employees.AsNoTracking().Where(e => e.NormalizedEmail == managerKey)
                .Select(e => new { e.Id, e.Name, e.IsActive }).SingleOrDefaultAsync();
            if (manager is null || !manager.IsActive)
            {
                Add(nameof(form.ManagerEmail), "No active person has the e-mail address {0}.", form.ManagerEmail.Trim());
            }
            else if (manager.Id == id)
            {
                Add(nameof(form.ManagerEmail), "A person cannot be their own manager.");
            }
            else
            {
                if (id is { } self)
                {
                    var managers = await db.Employees.AsNoTracking().Where(e => e.ManagerId != null)
                        .Select(e => new { e.Id, e.ManagerId }).ToDictionaryAsync(e => e.Id, e => e.ManagerId);
                    if (Hierarchy.WouldCreateCycle(self, manager.Id, e => managers.GetValueOrDefault(e)))
                    {
                        Add(nameof(form.ManagerEmail), "{0} reports to this person (directly or through others), so cannot be their manager.", manager.Name);
                    }
                }
                managerId = manager.Id;
            }
        }
        return (errors, managerId);
    }

    private async Task<bool> IsAdministratorAsync(int employeeId) =>
        await db.Users.Where(u => u.EmployeeId == employeeId)
            .Join(db.UserRoles, u => u.Id, ur => ur.UserId, (u, ur) => ur.RoleId)
            .Join(db.Roles, roleId => roleId, r => r.Id, (_, r) => r.Name)
            .AnyAsync(name => name == Roles.Admin);

    /// <summary>
    /// Writes the form to the employee in one transaction. Deactivating a person also deactivates their account and
    /// renews its security stamp, which ends their sessions; reactivating reactivates the account. The roster-changed
    /// handlers run in the same transaction.
    /// </summary>
    public async Task SaveAsync(Employee employee, EmployeeForm form, int? managerId)
    {
        await using var tx = await db.Database.BeginTransactionAsync();
        var wasActive = employee.IsActive;
        employee.Name = form.Name!.Trim();
        employee.Email = form.Email!.Trim();
        employee.NormalizedEmail = employee.Email.ToUpperInvariant();
        employee.EmployeeNumber = string.IsNullOrWhiteSpace(form.EmployeeNumber) ? null : form.EmployeeNumber.Trim();
        employee.DepartmentId = form.DepartmentId;
        employee.LocationId = form.LocationId;
        employee.JobRoleId = form.JobRoleId;
        employee.ManagerId = managerId;
        employee.HireDate = ParseDate(form.HireDate);
        employee.Language = form.Language;
        employee.IsFrontline = form.IsFrontline;
        employee.IsActive = form.IsActive;
        if (employee.Id == 0)
        {
            db.Employees.Add(employee);
        }
        await db.SaveChangesAsync();
        if (employee.Id != 0 && wasActive != employee.IsActive
            && await users.Users.SingleOrDefaultAsync(u => u.EmployeeId == employee.Id) is { } account)
        {
            await accounts.SetActiveAsync(account, employee.IsActive);
        }
        foreach (var handler in rosterChanged)
        {
            await handler.RosterChangedAsync(default);
        }
        await tx.CommitAsync();
    }

    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static bool IsEmail(string email) =>
        email.Length is > 3 and <= MaxEmail
        && System.Net.Mail.MailAddress.TryCreate(email, out var parsed)
        && parsed.Address == email
        && email.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && email.IndexOf('.', at) > at + 1;
}
