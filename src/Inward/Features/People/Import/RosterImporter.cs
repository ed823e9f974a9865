using Inward.Platform.Audit;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.People.Import;

/// <summary>What to import and how.</summary>
/// <param name="Mapping">Column index per field; null uses the mapping guessed from the header.</param>
/// <param name="Apply">False previews only; true applies in one transaction when there is no problem.</param>
/// <param name="RecordDryRun">Whether a preview is written to the import history (the command's --dry-run is).</param>
public sealed record RosterImportRequest(
    byte[] Content,
    string FileName,
    IReadOnlyDictionary<RosterField, int>? Mapping = null,
    bool DeactivateMissing = false,
    bool Apply = false,
    bool RecordDryRun = false,
    int? ActorEmployeeId = null);

/// <summary>The plan, and whether it was applied (then <see cref="ImportId"/> is its history row).</summary>
public sealed record RosterImportResult(RosterPlan Plan, RosterFile? File, ColumnMap? Map, bool Applied, int? ImportId)
{
    public IEnumerable<ImportProblem> Problems => Plan.Problems;
}

/// <summary>
/// Reads the file, plans against a snapshot of the database loaded in a handful of queries, and applies the plan
/// in one transaction: all rows or none. The plan is always made again inside the applying transaction, so a
/// preview that has gone stale cannot be applied.
/// </summary>
public sealed class RosterImporter(InwardDbContext db, CurrentActor actor, TimeProvider clock)
{
    public async Task<RosterImportResult> RunAsync(RosterImportRequest request, CancellationToken ct = default)
    {
        var read = RosterFileReader.Read(request.Content);
        if (read.File is not { } file)
        {
            return new RosterImportResult(RosterPlan.Failed(read.Problems), null, null, false, null);
        }
        var map = request.Mapping is null ? ColumnMap.Guess(file.Headers) : ColumnMap.From(request.Mapping);
        var mapProblems = map.Check(file.Headers);
        if (mapProblems.Count > 0)
        {
            return new RosterImportResult(RosterPlan.Failed(mapProblems, file.Lines.Count), file, map, false, null);
        }
        var rows = map.Rows(file);
        var options = new RosterOptions(request.DeactivateMissing);

        if (!request.Apply)
        {
            var (snapshot, _) = await LoadAsync(tracked: false, request.ActorEmployeeId, ct);
            var preview = WithFileProblems(RosterPlanner.Plan(rows, snapshot, options), file);
            int? dryRunId = null;
            if (request.RecordDryRun && preview.IsValid)
            {
                var history = History(request.FileName, preview, dryRun: true);
                db.RosterImports.Add(history);
                await db.SaveChangesAsync(ct);
                dryRunId = history.Id;
            }
            return new RosterImportResult(preview, file, map, false, dryRunId);
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (current, employees) = await LoadAsync(tracked: true, request.ActorEmployeeId, ct);
        var plan = WithFileProblems(RosterPlanner.Plan(rows, current, options), file);
        if (!plan.IsValid)
        {
            return new RosterImportResult(plan, file, map, false, null);
        }
        var import = History(request.FileName, plan, dryRun: false);
        await WriteAsync(plan, employees, ct);
        db.RosterImports.Add(import);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            var raced = plan with
            {
                Problems = [new(ImportProblem.WholeFile, "Someone changed the same people while the import ran, so nothing was changed. Please try again.")],
            };
            return new RosterImportResult(raced, file, map, false, null);
        }
        return new RosterImportResult(plan, file, map, true, import.Id);
    }

    private static RosterPlan WithFileProblems(RosterPlan plan, RosterFile file) =>
        file.Problems.Count == 0 ? plan : plan with { Problems = [.. file.Problems.Concat(plan.Problems).OrderBy(p => p.Row)] };

    private RosterImport History(string fileName, RosterPlan plan, bool dryRun) => new()
    {
        At = clock.GetUtcNow().UtcDateTime,
        ActorUserId = actor.UserId,
        ActorName = actor.Name,
        FileName = fileName,
        Rows = plan.Rows,
        Created = plan.Creates.Count,
        Updated = plan.Updates.Count,
        Deactivated = plan.Deactivations.Count,
        Unchanged = plan.UnchangedRows.Count,
        DryRun = dryRun,
    };

    /// <summary>Everything the planner checks against, in five queries whatever the size of the file.</summary>
    private async Task<(RosterSnapshot Snapshot, Dictionary<int, Employee> Employees)> LoadAsync(bool tracked, int? actorEmployeeId, CancellationToken ct)
    {
        var query = tracked ? db.Employees : db.Employees.AsNoTracking();
        var employees = await query.ToDictionaryAsync(e => e.Id, ct);
        var withAccount = (await db.Users.AsNoTracking().Where(u => u.EmployeeId != null).Select(u => u.EmployeeId!.Value).ToListAsync(ct)).ToHashSet();
        var departments = await db.Departments.AsNoTracking().Select(d => new NamedItem(d.Id, d.Name)).ToListAsync(ct);
        var locations = await db.Locations.AsNoTracking().Select(l => new NamedItem(l.Id, l.Name)).ToListAsync(ct);
        var jobRoles = await db.JobRoles.AsNoTracking().Select(r => new NamedItem(r.Id, r.Name)).ToListAsync(ct);
        var defaultLanguage = await db.CompanySettings.AsNoTracking().Select(s => s.DefaultLanguage).FirstOrDefaultAsync(ct) ?? "en";
        var people = employees.Values.Select(e => new ExistingPerson(e.Id, e.Name, e.Email, e.EmployeeNumber, e.DepartmentId, e.LocationId,
            e.JobRoleId, e.ManagerId, e.HireDate, e.Language, e.IsFrontline, e.IsActive, withAccount.Contains(e.Id))).ToList();
        return (new RosterSnapshot(people, departments, locations, jobRoles, defaultLanguage, actorEmployeeId), employees);
    }

    private async Task WriteAsync(RosterPlan plan, Dictionary<int, Employee> employees, CancellationToken ct)
    {
        var created = new Dictionary<int, Employee>();
        foreach (var c in plan.Creates)
        {
            var e = new Employee { Name = c.Person.Name, Email = c.Person.Email };
            Assign(e, c.Person);
            created[c.Row] = e;
        }
        // Managers may be people created by this same import: link the entities and EF orders the inserts. The
        // navigation and the key are set together, because every employee is tracked and fixed up.
        void SetManager(Employee e, ManagerRef? manager)
        {
            var target = manager switch
            {
                { Row: { } row } => created[row],
                { EmployeeId: { } id } => employees[id],
                _ => null,
            };
            e.Manager = target;
            if (target is null || target.Id != 0)
            {
                e.ManagerId = target?.Id;
            }
        }
        foreach (var c in plan.Creates)
        {
            SetManager(created[c.Row], c.Person.Manager);
        }
        db.Employees.AddRange(created.Values);
        foreach (var u in plan.Updates)
        {
            var e = employees[u.EmployeeId];
            Assign(e, u.Person);
            SetManager(e, u.Person.Manager);
        }
        foreach (var d in plan.Deactivations)
        {
            employees[d.EmployeeId].IsActive = false;
        }

        // A deactivated person's account stops working: inactive, and a new security stamp ends every session.
        var accountsToEnd = plan.AccountsToEnd.ToHashSet();
        if (accountsToEnd.Count > 0)
        {
            var users = await db.Users.Where(u => u.EmployeeId != null && accountsToEnd.Contains(u.EmployeeId.Value)).ToListAsync(ct);
            foreach (var user in users)
            {
                user.IsActive = false;
                user.SecurityStamp = Guid.NewGuid().ToString("N").ToUpperInvariant();
                user.ConcurrencyStamp = Guid.NewGuid().ToString();
            }
        }
    }

    private static void Assign(Employee e, PersonValues v)
    {
        e.Name = v.Name;
        e.Email = v.Email;
        e.NormalizedEmail = v.Email.ToUpperInvariant();
        e.EmployeeNumber = v.EmployeeNumber;
        e.DepartmentId = v.DepartmentId;
        e.LocationId = v.LocationId;
        e.JobRoleId = v.JobRoleId;
        e.HireDate = v.HireDate;
        e.Language = v.Language;
        e.IsFrontline = v.IsFrontline;
        e.IsActive = v.IsActive;
    }
}
