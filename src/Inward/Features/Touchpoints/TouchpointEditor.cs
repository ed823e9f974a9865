using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Touchpoints;

/// <summary>A touchpoint as typed into the form or sent to the API.</summary>
public sealed class TouchpointForm
{
    public string? Name { get; set; }
    public string? Channel { get; set; }
    public string? Description { get; set; }
    public int? DepartmentId { get; set; }
    public List<int> JobRoleIds { get; set; } = [];
    public string? BrandPromise { get; set; }
    /// <summary>Expected behaviours, one per line.</summary>
    public string? Behaviours { get; set; }
    public string? MomentOfTruth { get; set; }

    public static TouchpointForm From(Touchpoint t) => new()
    {
        Name = t.Name,
        Channel = t.Channel.ToString(),
        Description = t.Description,
        DepartmentId = t.DepartmentId,
        JobRoleIds = [.. t.JobRoles.Select(r => r.Id)],
        BrandPromise = t.BrandPromise,
        Behaviours = t.Behaviours,
        MomentOfTruth = t.MomentOfTruth,
    };
}

/// <summary>Departments and job roles to choose from.</summary>
public sealed record TouchpointChoices(IReadOnlyList<NamedRef> Departments, IReadOnlyList<NamedRef> JobRoles);

/// <summary>A problem with one field of a form: the field, an English message (localisation key) and its arguments.</summary>
public sealed record FieldProblem(string Field, string Message, object[] Arguments)
{
    public string Format() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Message, Arguments);
}

/// <summary>Validates touchpoint forms and writes them; the pages and the API share it so both give the same answers.</summary>
public sealed class TouchpointEditor(InwardDbContext db, TimeProvider clock)
{
    public async Task<List<FieldProblem>> ValidateAsync(TouchpointForm form)
    {
        var problems = new List<FieldProblem>();
        void Add(string field, string message, params object[] args) => problems.Add(new(field, message, args));

        var name = form.Name?.Trim() ?? "";
        if (name.Length == 0)
        {
            Add(nameof(form.Name), "Enter the touchpoint's name.");
        }
        else if (name.Length > TouchpointRules.MaxName)
        {
            Add(nameof(form.Name), "The name can have at most {0} characters.", TouchpointRules.MaxName);
        }
        if (TouchpointRules.ParseChannel(form.Channel) is null)
        {
            Add(nameof(form.Channel), "Choose how the customer meets us here.");
        }
        if (form.Description?.Trim().Length > TouchpointRules.MaxText)
        {
            Add(nameof(form.Description), "This text can have at most {0} characters.", TouchpointRules.MaxText);
        }
        if (form.MomentOfTruth?.Trim().Length > TouchpointRules.MaxText)
        {
            Add(nameof(form.MomentOfTruth), "This text can have at most {0} characters.", TouchpointRules.MaxText);
        }
        var promise = form.BrandPromise?.Trim() ?? "";
        if (promise.Length == 0)
        {
            Add(nameof(form.BrandPromise), "Enter the brand promise at this touchpoint.");
        }
        else if (promise.Length > TouchpointRules.MaxMarkdown)
        {
            Add(nameof(form.BrandPromise), "This text can have at most {0} characters.", TouchpointRules.MaxMarkdown);
        }
        if (TouchpointLines.Problem(TouchpointLines.Split(form.Behaviours)) is { } lines)
        {
            Add(nameof(form.Behaviours), lines.Message, lines.Arguments);
        }
        if (form.DepartmentId is { } dep && !await db.Departments.AnyAsync(d => d.Id == dep))
        {
            Add(nameof(form.DepartmentId), "There is no department {0}.", dep);
        }
        var roleIds = form.JobRoleIds.Distinct().ToList();
        var known = await db.JobRoles.Where(r => roleIds.Contains(r.Id)).Select(r => r.Id).ToListAsync();
        foreach (var unknown in roleIds.Except(known).Order())
        {
            Add(nameof(form.JobRoleIds), "There is no job role {0}.", unknown);
        }
        return problems;
    }

    /// <summary>Writes a valid form onto the touchpoint (tracked, with its job roles loaded) and saves.</summary>
    public async Task SaveAsync(Touchpoint touchpoint, TouchpointForm form)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        touchpoint.Name = form.Name!.Trim();
        touchpoint.Channel = TouchpointRules.ParseChannel(form.Channel)!.Value;
        touchpoint.Description = Clean(form.Description);
        touchpoint.DepartmentId = form.DepartmentId;
        touchpoint.BrandPromise = form.BrandPromise!.Trim();
        touchpoint.Behaviours = TouchpointLines.Join(TouchpointLines.Split(form.Behaviours));
        touchpoint.MomentOfTruth = Clean(form.MomentOfTruth);
        var roleIds = form.JobRoleIds.Distinct().ToList();
        touchpoint.JobRoles.RemoveAll(r => !roleIds.Contains(r.Id));
        var missing = roleIds.Where(id => touchpoint.JobRoles.All(r => r.Id != id)).ToList();
        touchpoint.JobRoles.AddRange(await db.JobRoles.Where(r => missing.Contains(r.Id)).ToListAsync());
        if (touchpoint.Id == 0)
        {
            touchpoint.CreatedUtc = now;
            db.Set<Touchpoint>().Add(touchpoint);
        }
        touchpoint.UpdatedUtc = now;
        await db.SaveChangesAsync();
    }

    public Task<Touchpoint?> FindTrackedAsync(int id) =>
        db.Set<Touchpoint>().Include(t => t.JobRoles).SingleOrDefaultAsync(t => t.Id == id);

    public async Task DeleteAsync(Touchpoint touchpoint)
    {
        db.Set<Touchpoint>().Remove(touchpoint);
        await db.SaveChangesAsync();
    }

    /// <summary>The select lists of the touchpoint form and filters.</summary>
    public async Task<TouchpointChoices> ChoicesAsync() => new(
        await db.Departments.AsNoTracking().OrderBy(d => d.Name).Select(d => new NamedRef(d.Id, d.Name)).ToListAsync(),
        await db.JobRoles.AsNoTracking().OrderBy(r => r.Name).Select(r => new NamedRef(r.Id, r.Name)).ToListAsync());

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
