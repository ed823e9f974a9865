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
public sealed class RosterImporter(InwardDbContext db, CurrentActor actor, TimeProvider clock, IEnumerable<IRosterChangedHandler> rosterChanged)
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
            var (snapshot, _) = await LoadAsync(request.ActorEmployeeId, ct);
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
        var (current, employees) = await LoadAsync(request.ActorEmployeeId, ct);
        var plan = WithFileProblems(RosterPlanner.Plan(rows, current, options), file);
        if (!plan.IsValid)
        {
            return new RosterImportResult(plan, file, map, false, null);
        }
        var import = History(request.FileName, plan, dryRun: false);
        try
        {
            await WriteAsync(plan, employees, ct);
            db.RosterImports.Add(import);
            await db.SaveChangesAsync(ct);
            foreach (var handler in rosterChanged)
            {
                await handler.RosterChangedAsync(ct);
            }
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

    /// <summary>
    /// Everything the planner checks against, in six queries whatever the size of the file. The employees are not
    /// tracked: tracking every person would make each SaveChanges scan them all.
    /// </summary>
    private async Task<(RosterSnapshot Snapshot, Dictionary<int, Employee> Employees)> LoadAsync(int? actorEmployeeId, CancellationToken ct)
    {
        var employees = await db.Employees.AsNoTracking().ToDictionaryAsync(e => e.Id, ct);
        var withAccount = (await db.Users.AsNoTracking().Where(u => u.EmployeeId != null).Select(u => u.EmployeeId!.Value).ToListAsync(ct)).ToHashSet();
        var departments = await db.Departments.AsNoTracking().Select(d => new NamedItem(d.Id, d.Name)).ToListAsync(ct);
        var locations = await db.Locations.AsNoTracking().Select(l => new NamedItem(l.Id, l.Name)).ToListAsync(ct);
        var jobRoles = await db.JobRoles.AsNoTracking().Select(r => new NamedItem(r.Id, r.Name)).ToListAsync(ct);
        var defaultLanguage = await db.CompanySettings.AsNoTracking().OrderBy(s => s.Id).Select(s => s.DefaultLanguage).FirstOrDefaultAsync(ct) ?? "en";
        var people = employees.Values.Select(e => new ExistingPerson(e.Id, e.Name, e.Email, e.EmployeeNumber, e.DepartmentId, e.LocationId,
            e.JobRoleId, e.ManagerId, e.HireDate, e.Language, e.IsFrontline, e.IsActive, withAccount.Contains(e.Id))).ToList();
        return (new RosterSnapshot(people, departments, locations, jobRoles, defaultLanguage, actorEmployeeId), employees);
    }

    /// <summary>
    /// Writes the plan in chunks inside the caller's transaction, so it still commits or rolls back as one, while
    /// the change tracker stays small. New people are written managers first: a manager created by this import
    /// has its id before the people reporting to it are written.
    /// </summary>
    private async Task WriteAsync(RosterPlan plan, Dictionary<int, Employee> employees, CancellationToken ct)
    {
        var created = new Dictionary<int, Employee>();
        int? ManagerId(ManagerRef? manager) => manager switch
        {
            { Row: { } row } => created[row].Id,
            { EmployeeId: { } id } => id,
            _ => null,
        };

        foreach (var chunk in ManagersFirst(plan.Creates, ChunkSize))
        {
            foreach (var c in chunk)
            {
                var e = new Employee { Name = c.Person.Name, Email = c.Person.Email };
                Assign(e, c.Person);
                e.ManagerId = ManagerId(c.Person.Manager);
                created[c.Row] = e;
                db.Employees.Add(e);
            }
            await SaveChunkAsync(ct);
        }

        // Attached as loaded, then changed: EF writes, and the audit records, only the fields that differ.
        foreach (var chunk in plan.Updates.Chunk(ChunkSize))
        {
            foreach (var u in chunk)
            {
                var e = employees[u.EmployeeId];
                db.Employees.Attach(e);
                Assign(e, u.Person);
                e.ManagerId = ManagerId(u.Person.Manager);
            }
            await SaveChunkAsync(ct);
        }
        foreach (var chunk in plan.Deactivations.Chunk(ChunkSize))
        {
            foreach (var d in chunk)
            {
                var e = employees[d.EmployeeId];
                db.Employees.Attach(e);
                e.IsActive = false;
            }
            await SaveChunkAsync(ct);
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
            await SaveChunkAsync(ct);
        }
    }

    private const int ChunkSize = 1000;

    private async Task SaveChunkAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// New people in chunks, level by level: a chunk holds people with the same number of new managers above them
    /// (no cycles: the planner refused them), so every manager is saved before anyone who reports to them.
    /// </summary>
    internal static IEnumerable<PlannedCreate[]> ManagersFirst(IReadOnlyList<PlannedCreate> creates, int chunkSize)
    {
        var byRow = creates.ToDictionary(c => c.Row);
        var depth = new Dictionary<int, int>();
        int DepthOf(int row)
        {
            var chain = new List<int>();
            var known = -1;
            for (var r = row; ;)
            {
                if (depth.TryGetValue(r, out known))
                {
                    break;
                }
                chain.Add(r);
                if (byRow[r].Person.Manager is { Row: { } m } && byRow.ContainsKey(m))
                {
                    r = m;
                }
                else
                {
                    known = -1;
                    break;
                }
            }
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                depth[chain[i]] = ++known;
            }
            return depth[row];
        }
        return creates.GroupBy(c => DepthOf(c.Row)).OrderBy(g => g.Key).SelectMany(g => g.Chunk(chunkSize));
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
