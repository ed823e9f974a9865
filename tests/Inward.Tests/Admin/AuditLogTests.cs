using System.Net;
using Inward.Features.People;
using Inward.Platform.Audit;
using Inward.Platform.Data;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Admin;

public sealed class AuditLogTests(Apps apps) : IntegrationTest(apps)
{
    private static async Task AddEntriesAsync(InwardApp app, params AuditEntry[] entries)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        db.AuditEntries.AddRange(entries);
        await db.SaveChangesAsync();
    }

    private static AuditEntry Entry(string actor, string type, string action, DateTime at, string? id = null, string? before = null, string? after = null) =>
        new() { ActorName = actor, EntityType = type, Action = action, At = at, EntityId = id, Before = before, After = after };

    [Theory, MemberData(nameof(Providers))]
    public async Task Filters_narrow_the_log_by_actor_action_type_id_and_dates_newest_first(DatabaseProvider provider)
    {
        var app = await App(provider);
        var admin = await app.SignedInAsync("admin@demo.example");
        var type = Unique("Type");
        var actor = Unique("actor-");
        await AddEntriesAsync(app,
            Entry(actor, type, "Modified", new DateTime(2025, 1, 10, 9, 0, 0, DateTimeKind.Utc), "1", "{\"Name\":\"Old name\"}", "{\"Name\":\"New name\"}"),
            Entry(actor, type, "Deleted", new DateTime(2025, 1, 12, 23, 59, 0, DateTimeKind.Utc), "2", "{\"Name\":\"Gone\"}"),
            Entry("someone-else", type, "Modified", new DateTime(2025, 1, 11, 9, 0, 0, DateTimeKind.Utc), "3"));

        var byType = WebUtility.HtmlDecode(await admin.GetStringAsync($"/admin/audit?type={type}"));
        var byActor = await admin.GetStringAsync($"/admin/audit?type={type}&actor={actor.ToUpperInvariant()}&action=Modified");
        var byDates = await admin.GetStringAsync($"/admin/audit?type={type}&from=2025-01-11&to=2025-01-12");
        var byId = await admin.GetStringAsync($"/admin/audit?type={type}&entity=2");

        Assert.Contains("3 entries found.", byType, StringComparison.Ordinal);
        Assert.True(byType.IndexOf("#2", StringComparison.Ordinal) < byType.IndexOf("#3", StringComparison.Ordinal));
        Assert.True(byType.IndexOf("#3", StringComparison.Ordinal) < byType.IndexOf("#1", StringComparison.Ordinal));
        Assert.Contains("<del>Old name</del>", byType, StringComparison.Ordinal);
        Assert.Contains("<ins>New name</ins>", byType, StringComparison.Ordinal);
        Assert.Contains("1 entries found.", byActor, StringComparison.Ordinal);
        Assert.Contains("#1", byActor, StringComparison.Ordinal);
        Assert.Contains("2 entries found.", byDates, StringComparison.Ordinal);
        Assert.DoesNotContain("#1<", byDates, StringComparison.Ordinal);
        Assert.Contains("1 entries found.", byId, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Csv_export_defuses_formulas_follows_the_filters_and_is_itself_audited(DatabaseProvider provider)
    {
        var app = await App(provider);
        var admin = await app.SignedInAsync("admin@demo.example");
        var type = Unique("Csv");
        await AddEntriesAsync(app,
            Entry("=HYPERLINK(\"http://evil.example\",\"click\")", type, "Modified", DateTime.UtcNow, "1", "{\"Name\":\"+1\"}", "{\"Name\":\"@SUM(A1)\"}"),
            Entry("-2+3", type, "Created", DateTime.UtcNow, "2"));

        var response = await InwardApp.PostFormAsync(admin, "/admin/audit", new() { ["type"] = type }, "/admin/audit?handler=export");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("At (UTC),Actor,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",", lines.Single(l => l.Contains("HYPERLINK", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains(",'-2+3,", lines.Single(l => l.Contains("-2+3", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains(",=", StringComparison.Ordinal) || l.Contains(",-2", StringComparison.Ordinal) || l.Contains(",@", StringComparison.Ordinal));
        var export = await TestAccounts.WithDbAsync(app, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Action == "Export" && a.After!.Contains(type)).SingleAsync());
        Assert.Equal("admin@demo.example", export.ActorName);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Created_entities_are_audited_with_their_generated_id(DatabaseProvider provider)
    {
        var app = await App(provider);
        var name = Unique("Audited ");

        var id = await TestAccounts.WithDbAsync(app, async db =>
        {
            var d = new Department { Name = name };
            db.Departments.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });

        var entry = await TestAccounts.WithDbAsync(app, db => db.AuditEntries.AsNoTracking()
            .SingleAsync(a => a.EntityType == nameof(Department) && a.Action == "Added" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains($"\"Id\":{id}", entry.After, StringComparison.Ordinal);
        Assert.Contains(name, entry.After, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Synchronous_saves_and_related_new_entities_get_real_ids_too(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (parentName, childName) = (Unique("SyncParent "), Unique("SyncChild "));

        var (parentId, childId) = await TestAccounts.WithDbAsync(app, db =>
        {
            var parent = new Department { Name = parentName };
            var child = new Department { Name = childName, Parent = parent };
            db.Departments.AddRange(parent, child);
            db.SaveChanges();
            return Task.FromResult((parent.Id, child.Id));
        });

        var entries = await TestAccounts.WithDbAsync(app, db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Department) && (a.After!.Contains(parentName) || a.After!.Contains(childName))).ToListAsync());
        Assert.Equal(2, entries.Count);
        var child = Assert.Single(entries, e => e.After!.Contains(childName, StringComparison.Ordinal));
        Assert.Equal($"{childId}", child.EntityId);
        Assert.Contains($"\"ParentId\":{parentId}", child.After, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_rolled_back_transaction_leaves_neither_the_entity_nor_its_audit_entry(DatabaseProvider provider)
    {
        var app = await App(provider);
        var name = Unique("RolledBack ");

        await TestAccounts.WithDbAsync(app, async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Departments.Add(new Department { Name = name });
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
            return 0;
        });

        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Departments.AnyAsync(d => d.Name == name)));
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.AuditEntries.AnyAsync(a => a.After!.Contains(name))));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_failed_save_writes_no_audit_entry(DatabaseProvider provider)
    {
        var app = await App(provider);
        var existing = await TestAccounts.WithDbAsync(app, db => db.Departments.Select(d => d.Name).FirstAsync());
        var marker = Unique("Failed ");

        await Assert.ThrowsAsync<DbUpdateException>(() => TestAccounts.WithDbAsync(app, async db =>
        {
            db.Departments.Add(new Department { Name = marker });
            db.Departments.Add(new Department { Name = existing });
            return await db.SaveChangesAsync();
        }));

        Assert.False(await TestAccounts.WithDbAsync(app, db => db.AuditEntries.AnyAsync(a => a.After!.Contains(marker))));
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.Departments.AnyAsync(d => d.Name == marker)));
    }
}
