using Inward.Platform.Data;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Organisation;

/// <summary>What the organisation pages share: name rules, select lists, and saving that reports a lost race.</summary>
public static class OrganisationForms
{
    public const int MaxName = 200;
    public const int MaxDescription = 2000;
    public const int MaxPlace = 200;
    public const int MaxCountry = 100;

    /// <summary>The English message (localisation key) for a bad name, or null when the name is fine.</summary>
    public static (string Message, object[] Arguments)? NameProblem(string? name)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length == 0 ? ("Enter a name.", [])
            : trimmed.Length > MaxName ? ("The name can have at most {0} characters.", [MaxName])
            : null;
    }

    public static (string Message, object[] Arguments)? TextProblem(string? text, int max) =>
        text is not null && text.Trim().Length > max ? ("This text can have at most {0} characters.", [max]) : null;

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Upper-cased, for the case-insensitive duplicate checks (EF translates ToUpper on both providers).</summary>
    public static string Key(string? name) => (name ?? "").Trim().ToUpperInvariant();

    /// <summary>
    /// Saves; false when the database refused (a unique index or a reference that appeared since the check),
    /// so the page can show its message instead of an error page.
    /// </summary>
    public static async Task<bool> TrySaveAsync(InwardDbContext db)
    {
        try
        {
            await db.SaveChangesAsync();
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    public static async Task<List<SelectListItem>> DepartmentOptionsAsync(InwardDbContext db, ICollection<int>? exclude = null) =>
        (await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name }).ToListAsync())
            .Where(d => exclude is null || !exclude.Contains(d.Id))
            .Select(d => new SelectListItem(d.Name, d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
}
