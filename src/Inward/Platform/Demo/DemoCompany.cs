using Inward.Features.People;
using Inward.Features.Settings;
using Inward.Platform.Audit;
using Inward.Platform.Cli;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Inward.Platform.Demo;

/// <summary>Seeds Brightwheel Cycles, the demo company, once; a second run changes nothing.</summary>
public static class DemoCompany
{
    public const string Domain = "demo.example";
    public const string CompanyName = "Brightwheel Cycles";
    public const int Size = 120;
    public const int Seed = 2026;

    /// <summary>Demo account → (access roles, department whose head or member it becomes).</summary>
    public static readonly (string Email, string[] Roles, string Department, bool Head)[] Accounts =
    [
        ($"admin@{Domain}", [Roles.Admin, Roles.Employee], "IT", true),
        ($"hr@{Domain}", [Roles.HR, Roles.Employee], "HR", true),
        ($"comms@{Domain}", [Roles.Communicator, Roles.Employee], "Sales & Marketing", false),
        ($"manager@{Domain}", [Roles.Manager, Roles.Employee], "Customer Service", true),
        ($"employee@{Domain}", [Roles.Employee], "Customer Service", false),
        ($"logistics@{Domain}", [Roles.Employee], "Logistics", false),
    ];

    public const string PartnerEmail = $"partner@{Domain}";
    public static readonly string[] PartnerOrganisations = ["Cycle Hub Dealers", "Alpine Parts Supply"];

    public static async Task SeedAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<CurrentActor>().ActAs(null, "demo seed");
        var db = sp.GetRequiredService<InwardDbContext>();
        var configuration = sp.GetRequiredService<IConfiguration>();
        var password = configuration["Demo:Password"] ?? "demo";

        var adminEmail = $"ADMIN@{Domain}".ToUpperInvariant();
        if (!await db.Employees.AnyAsync(e => e.NormalizedEmail == adminEmail))
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var settings = await db.CompanySettings.SingleAsync();
            settings.Name = CompanyName;
            settings.PrimaryColour = "#1d5c4d";
            settings.AccentColour = "#f0a830";
            settings.Values = "Ride with the customer\nBuilt to last\nOne team from frame to doorstep\nSay it straight";
            settings.Currency = "EUR";
            await db.SaveChangesAsync();

            var people = CompanyGenerator.People(Size, Seed, Domain).ToList();
            people = AssignDemoAccounts(people);
            var employees = await OrganisationWriter.WriteAsync(db, people);
            foreach (var name in PartnerOrganisations)
            {
                db.PartnerOrganisations.Add(new PartnerOrganisation { Name = name, Description = "Partner organisation of the demo company." });
            }
            db.Groups.Add(new Group { Name = "Top performers panel", Description = "Gives feedback on HR and internal-marketing questions." });
            db.Groups.Add(new Group { Name = "Safety officers" });
            await db.SaveChangesAsync();
            var panel = await db.Groups.SingleAsync(g => g.Name == "Top performers panel");
            foreach (var e in employees.Where((_, i) => i % 12 == 5).Take(8))
            {
                db.GroupMembers.Add(new GroupMember { GroupId = panel.Id, EmployeeId = e.Id });
            }
            await db.SaveChangesAsync();
            await CreateAccountsAsync(sp, db, password);
            await tx.CommitAsync();
            await output.WriteLineAsync($"Seeded the demo company {CompanyName} ({people.Count} employees).");
        }
        else
        {
            await output.WriteLineAsync($"The demo company {CompanyName} is already there; nothing seeded.");
        }
        foreach (var content in sp.GetServices<IDemoContent>().OrderBy(c => c.Order))
        {
            if (await content.SeedAsync(db, CancellationToken.None))
            {
                await output.WriteLineAsync($"Seeded demo content: {content.Name}.");
            }
        }
        await output.WriteLineAsync($"Demo accounts (password from Demo:Password{(configuration["Demo:Password"] is null ? ", default 'demo'" : "")}):");
        foreach (var a in Accounts)
        {
            await output.WriteLineAsync($"  {a.Email,-24} {string.Join(", ", a.Roles)}");
        }
        await output.WriteLineAsync($"  {PartnerEmail,-24} {Roles.Partner} ({PartnerOrganisations[0]})");
    }

    private static List<CompanyGenerator.PersonPlan> AssignDemoAccounts(List<CompanyGenerator.PersonPlan> people)
    {
        foreach (var a in Accounts)
        {
            var head = people.First(p => p.Department == a.Department && (a.Head ? p.ManagerIndex is null || people[p.ManagerIndex.Value].Department != a.Department : p.ManagerIndex is { } m && people[m].Department == a.Department));
            people[head.Index] = head with { Email = a.Email, Language = "en" };
        }
        return people;
    }

    private static async Task CreateAccountsAsync(IServiceProvider sp, InwardDbContext db, string password)
    {
        var hasher = sp.GetRequiredService<IPasswordHasher<InwardUser>>();
        var users = sp.GetRequiredService<UserManager<InwardUser>>();
        foreach (var a in Accounts)
        {
            var employee = await db.Employees.SingleAsync(e => e.Email == a.Email);
            await CreateUserAsync(users, hasher, new InwardUser { Email = a.Email, UserName = a.Email, DisplayName = employee.Name, EmployeeId = employee.Id }, password, a.Roles);
        }
        var partner = await db.PartnerOrganisations.SingleAsync(p => p.Name == PartnerOrganisations[0]);
        await CreateUserAsync(users, hasher, new InwardUser { Email = PartnerEmail, UserName = PartnerEmail, DisplayName = "Dana Partner", PartnerOrganisationId = partner.Id }, password, [Roles.Partner]);
    }

    private static async Task CreateUserAsync(UserManager<InwardUser> users, IPasswordHasher<InwardUser> hasher, InwardUser user, string password, string[] roles)
    {
        user.EmailConfirmed = true;
        user.CreatedAt = DateTime.UtcNow;
        // The demo password is deliberately short ("demo"), so it bypasses the password policy.
        user.PasswordHash = hasher.HashPassword(user, password);
        Check(await users.CreateAsync(user));
        Check(await users.AddToRolesAsync(user, roles));
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>
/// Demo content a feature adds to the demo company (a brand book, a plan, a service map...). Seeded after the
/// company, in <see cref="Order"/>, each in its own transaction; it must be idempotent: when its content is
/// already there it changes nothing and returns false. Register with <c>services.AddScoped&lt;IDemoContent, X&gt;()</c>.
/// </summary>
public interface IDemoContent
{
    string Name { get; }
    int Order { get; }
    Task<bool> SeedAsync(InwardDbContext db, CancellationToken ct);
}

/// <summary>`seed --employees N [--seed S]`: a large generated company for benchmarks.</summary>
internal sealed class SeedCommand : ICliCommand
{
    public string Name => "seed";
    public string Summary => "Generates a large company (deterministic for a given --seed) for benchmarks.";
    public string Usage => "seed --employees N [--seed S]";

    public async Task<int> RunAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        if (args.GetInt("employees") is not { } count || count < 1)
        {
            await output.WriteLineAsync("--employees must be a positive number.");
            return 2;
        }
        var seed = args.GetInt("seed") ?? 1;
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(null, "seed command");
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        if (await db.Employees.AnyAsync(e => e.Email.EndsWith("@scale.example"), ct))
        {
            await output.WriteLineAsync("Generated employees already exist; nothing seeded.");
            return 0;
        }
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var people = CompanyGenerator.People(count, seed, "scale.example", numberPrefix: "S");
        await OrganisationWriter.WriteAsync(db, people);
        await tx.CommitAsync(ct);
        await output.WriteLineAsync($"Seeded {people.Count} employees in {started.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }
}

/// <summary>Writes generated locations, departments, job roles and people, reusing what already exists.</summary>
internal static class OrganisationWriter
{
    public static async Task<List<Employee>> WriteAsync(InwardDbContext db, IReadOnlyList<CompanyGenerator.PersonPlan> people)
    {
        var locations = await db.Locations.ToDictionaryAsync(l => l.Name);
        foreach (var (name, city, country) in CompanyGenerator.Locations.Where(l => !locations.ContainsKey(l.Name)))
        {
            locations[name] = db.Locations.Add(new Location { Name = name, City = city, Country = country }).Entity;
        }
        var departments = await db.Departments.ToDictionaryAsync(d => d.Name);
        foreach (var d in CompanyGenerator.Departments.Where(d => !departments.ContainsKey(d.Name)))
        {
            departments[d.Name] = db.Departments.Add(new Department
            {
                Name = d.Name,
                Description = d.Description,
                Parent = d.Parent is null ? null : departments[d.Parent],
            }).Entity;
        }
        var roles = await db.JobRoles.ToDictionaryAsync(r => r.Name);
        foreach (var r in CompanyGenerator.Departments.SelectMany(d => d.JobRoles).Distinct().Where(r => !roles.ContainsKey(r)))
        {
            roles[r] = db.JobRoles.Add(new JobRole { Name = r }).Entity;
        }
        await db.SaveChangesAsync();

        var employees = new Employee[people.Count];
        // Heads before their reports, in batches, so manager ids exist when reports are written.
        foreach (var batch in people.GroupBy(p => Depth(p)).OrderBy(g => g.Key).SelectMany(g => g.Chunk(2000)))
        {
            foreach (var p in batch)
            {
                employees[p.Index] = db.Employees.Add(new Employee
                {
                    Name = p.Name,
                    Email = p.Email,
                    NormalizedEmail = p.Email.ToUpperInvariant(),
                    EmployeeNumber = p.EmployeeNumber,
                    DepartmentId = departments[p.Department].Id,
                    LocationId = locations[p.Location].Id,
                    JobRoleId = roles[p.JobRole].Id,
                    ManagerId = p.ManagerIndex is { } m ? employees[m].Id : null,
                    HireDate = p.HireDate,
                    Language = p.Language,
                    IsFrontline = p.Frontline,
                }).Entity;
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        return [.. employees];

        int Depth(CompanyGenerator.PersonPlan p) => p.ManagerIndex is { } m ? 1 + Depth(people[m]) : 0;
    }
}
