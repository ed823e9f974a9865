using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Inward.Features.People;
using Inward.Features.People.Import;
using Inward.Platform.Cli;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.People.Import;

public sealed partial class RosterImportTests(Apps apps) : IntegrationTest(apps)
{
    private const string Header = "name,email,employee number,department,location,job role,manager email,hire date,language,frontline,active";

    static RosterImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    // ---------------------------------------------------------------- good files

    [Theory, MemberData(nameof(Providers))]
    public async Task A_good_file_creates_people_a_second_file_updates_them_and_reimporting_changes_nothing(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var (boss, worker) = (Email("boss"), Email("worker"));
        var (bossNo, workerNo) = (Number(), Number());
        var first = Utf8($"""
            {Header}
            Bea Boss,{boss},{bossNo},Customer Service,Lyon Office,Service agent,manager@demo.example,2021-05-03,pl,no,yes
            Will Worker,{worker},{workerNo},Customer Service,Lyon Office,Service agent,{boss},2024-03-31,,yes,
            """);

        var created = await ImportAsync(hr, "first.csv", first);

        Assert.Equal((2, 0, 0, 0), created.Counts);
        Assert.True(created.Applied, created.Text);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            var b = await db.Employees.Include(e => e.Department).Include(e => e.Location).Include(e => e.JobRole).Include(e => e.Manager)
                .SingleAsync(e => e.Email == boss);
            var w = await db.Employees.Include(e => e.Manager).SingleAsync(e => e.Email == worker);
            Assert.Equal(("Bea Boss", bossNo, "Customer Service", "Lyon Office", "Service agent"), (b.Name, b.EmployeeNumber, b.Department!.Name, b.Location!.Name, b.JobRole!.Name));
            Assert.Equal(("manager@demo.example", new DateOnly(2021, 5, 3), "pl", false, true), (b.Manager!.Email, b.HireDate, b.Language, b.IsFrontline, b.IsActive));
            Assert.Equal((boss, "en", true, true), (w.Manager!.Email, w.Language, w.IsFrontline, w.IsActive));
            Assert.Equal(boss.ToUpperInvariant(), b.NormalizedEmail);
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Employee) && a.Action == "Added" && a.After!.Contains(worker.Split('@', StringSplitOptions.None)[0])));
        }

        // Matched by employee number: a new e-mail, another department, location and job role.
        var newWorker = Email("worker-renamed");
        var second = Utf8($"""
            name;e-mail;employee id;department;location;title;manager;start date
            Bea Boss;{boss};{bossNo};Customer Service;Lyon Office;Service agent;manager@demo.example;2021-05-03
            Will Worker;{newWorker};{workerNo};Field Service;Leeds Service Hub;Field technician;{boss};2024-03-31
            """);

        var updated = await ImportAsync(hr, "second.csv", second);

        Assert.Equal((0, 1, 0, 1), updated.Counts);
        Assert.Contains($"{worker} → {newWorker}", updated.ReviewText, StringComparison.Ordinal);
        Assert.True(updated.Applied, updated.Text);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            var w = await db.Employees.Include(e => e.Department).SingleAsync(e => e.EmployeeNumber == workerNo);
            Assert.Equal((newWorker, "Field Service"), (w.Email, w.Department!.Name));
            Assert.False(await db.Employees.AnyAsync(e => e.Email == worker));
        }

        var again = await ImportAsync(hr, "second.csv", second);

        Assert.Equal((0, 0, 0, 2), again.Counts);
        Assert.True(again.Applied, again.Text);

        var history = WebUtility.HtmlDecode(await hr.GetStringAsync($"/people/import/history?applied={again.ImportId}"));
        Assert.Contains("The import of second.csv is applied: 0 created, 0 updated, 0 deactivated, 2 unchanged.", history, StringComparison.Ordinal);
        Assert.Contains("first.csv", history, StringComparison.Ordinal);
        Assert.Contains("hr@demo.example", history, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(EncodingCases))]
    public async Task Utf8_with_and_without_bom_and_windows_1252_files_import_with_correct_names(DatabaseProvider provider, string encoding)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var (zoe, lukasz) = (Email("zoe"), Email("lukasz"));
        var polish = encoding == "windows-1252" ? "François Müller" : "Łukasz Wiśniewski";
        var csv = $"name;email;department\nZoë Lefèvre;{zoe};R&D\n{polish};{lukasz};R&D\n";
        var bytes = encoding switch
        {
            "utf-8 with bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)],
            "utf-8" => Encoding.UTF8.GetBytes(csv),
            _ => Encoding.GetEncoding(1252).GetBytes(csv),
        };

        var result = await ImportAsync(hr, $"{encoding}.csv", bytes);

        Assert.True(result.Applied, result.Text);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        Assert.Equal("Zoë Lefèvre", (await db.Employees.SingleAsync(e => e.Email == zoe)).Name);
        Assert.Equal(polish, (await db.Employees.SingleAsync(e => e.Email == lukasz)).Name);
    }

    public static TheoryData<DatabaseProvider, string> EncodingCases => Cross(["utf-8 with bom", "utf-8", "windows-1252"]);

    // ---------------------------------------------------------------- bad files

    [Theory]
    [MemberData(nameof(BadRowCases))]
    public async Task A_file_with_bad_rows_changes_nothing_and_reports_each_problem(DatabaseProvider provider, string problem)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var (a, b) = (Email("a"), Email("b"));
        var (csv, expected) = problem switch
        {
            "missing columns" => ($"full name,department\nAnna,R&D\n", "The file has no column for the e-mail (for example 'email' or 'e-mail'). Columns found: full name, department."),
            "wrong columns" => ($"who,where\nAnna,R&D\n", "The file has no column for the name (for example 'name' or 'full name'). Columns found: who, where."),
            "duplicate e-mails" => ($"name,email\nA,{a}\nB,{b}\nA again,{a.ToUpperInvariant()}\n", $"The e-mail {a} appears more than once in the file (rows 2, 4)."),
            "duplicate numbers" => ($"name,email,number\nA,{a},N-{a}\nB,{b},N-{a}\n", $"The employee number N-{a} appears more than once in the file (rows 2, 3)."),
            "invalid e-mail" => ($"name,email\nA,{a}\nB,not-an-address\n", "'not-an-address' is not a valid e-mail address."),
            "invalid date" => ($"name,email,hire date\nA,{a},31/12/2024\nB,{b},2024-12-31\n", "The hire date '31/12/2024' is not a date in the format yyyy-MM-dd (for example 2024-03-31)."),
            "unknown department" => ($"name,email,department\nA,{a},Space Programme\nB,{b},R&D\n", "Unknown department 'Space Programme'. An import does not create departments"),
            "unknown manager" => ($"name,email,manager email\nA,{a},nobody-{a}\nB,{b},\n", $"Unknown manager nobody-{a}: nobody in the file or in Inward has this e-mail."),
            "manager cycle" => ($"name,email,manager email\nA,{a},{b}\nB,{b},{a}\n", $"Manager cycle through rows 2, 3: {a} → {b} → {a}."),
            _ => throw new ArgumentOutOfRangeException(nameof(problem)),
        };

        var result = await ImportAsync(hr, $"{problem}.csv", Utf8(csv));

        Assert.False(result.Applied);
        Assert.Contains(expected, result.Text, StringComparison.Ordinal);
        Assert.Contains("problems found. Nothing will be changed until they are fixed.", result.Text, StringComparison.Ordinal);
        await AssertNobodyWithAsync(app, a, b);
    }

    public static TheoryData<DatabaseProvider, string> BadRowCases => Cross([
        "missing columns", "wrong columns", "duplicate e-mails", "duplicate numbers", "invalid e-mail", "invalid date",
        "unknown department", "unknown manager", "manager cycle"]);

    [Theory]
    [MemberData(nameof(NotCsvCases))]
    public async Task A_file_that_is_not_csv_is_refused_on_the_upload_page(DatabaseProvider provider, string kind)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var (bytes, expected) = kind switch
        {
            "png" => (Png(), "This is a PNG image, not a CSV file."),
            "zip" => (Zip(), "This is a ZIP archive (an Excel .xlsx workbook is one), not a CSV file."),
            "text" => (Utf8("Dear HR\nplease add Anna\n"), "The first line must be a header with column names separated by commas or semicolons"),
            "empty" => ([], "Choose a CSV file to upload."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var response = await UploadAsync(hr, "roster.csv", bytes);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    public static TheoryData<DatabaseProvider, string> NotCsvCases => Cross(["png", "zip", "text", "empty"]);

    [Theory, MemberData(nameof(Providers))]
    public async Task A_file_just_over_10_mb_is_refused_with_a_clear_message(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");

        var response = await UploadAsync(hr, "big.csv", BigCsv(RosterFileReader.MaxBytes + 500_000));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The file is larger than 10 MB. Split it into smaller files.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_50_mb_upload_gets_the_upload_page_with_a_clear_message_not_an_error_page(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");

        var response = await UploadAsync(hr, "huge.csv", BigCsv(50L * 1024 * 1024));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/people/import?error=too-large", response.Headers.Location!.OriginalString);
        var page = await hr.GetAsync(response.Headers.Location);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("The file is larger than 10 MB. Split it into smaller files.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Apply_checks_the_file_again_against_data_changed_since_the_preview(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var (a, number) = (Email("a"), Number());
        var review = await UploadAndReviewAsync(hr, "stale.csv", Utf8($"name,email,number\nA,{a},{number}\n"));
        Assert.Equal((1, 0, 0, 0), review.Counts);

        // Meanwhile the e-mail and the number were given to two different people.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            db.Employees.Add(new Employee { Name = "Has the e-mail", Email = a, NormalizedEmail = a.ToUpperInvariant() });
            var other = Email("other");
            db.Employees.Add(new Employee { Name = "Has the number", Email = other, NormalizedEmail = other.ToUpperInvariant(), EmployeeNumber = number });
            await db.SaveChangesAsync();
        }
        var apply = await PostApplyAsync(hr, review);

        Assert.Equal(HttpStatusCode.OK, apply.StatusCode);
        var text = WebUtility.HtmlDecode(await apply.Content.ReadAsStringAsync());
        Assert.Contains($"The e-mail {a} belongs to Has the e-mail, but the employee number {number} belongs to Has the number.", text, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            Assert.Equal("Has the e-mail", (await db.Employees.SingleAsync(e => e.Email == a)).Name);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_row_marking_a_person_inactive_deactivates_their_account_and_renews_its_security_stamp(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var email = Email("leaver");
        string stampBefore;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            var employee = new Employee { Name = "Lee Leaver", Email = email, NormalizedEmail = email.ToUpperInvariant() };
            db.Employees.Add(employee);
            await db.SaveChangesAsync();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<InwardUser>>();
            var user = new InwardUser { Email = email, UserName = email, DisplayName = "Lee Leaver", EmployeeId = employee.Id, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, InwardApp.Password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.Employee)).Succeeded);
            stampBefore = (await users.FindByEmailAsync(email))!.SecurityStamp!;
        }
        await app.SignedInAsync(email);

        var result = await ImportAsync(hr, "leaver.csv", Utf8($"name,email,active\nLee Leaver,{email},no\n"));

        Assert.Equal((0, 1, 0, 0), result.Counts);
        Assert.Contains("Their account will be signed out", result.ReviewText, StringComparison.Ordinal);
        Assert.True(result.Applied, result.Text);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Email == email);
            Assert.False(user.IsActive);
            Assert.NotEqual(stampBefore, user.SecurityStamp);
            Assert.False((await db.Employees.SingleAsync(e => e.Email == email)).IsActive);
        }
        var signIn = await InwardApp.SignInAsync(app.Client(), email, InwardApp.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the sign-in page again, not a redirect into the app
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_preview_counts_the_active_people_missing_from_the_file_when_asked_to_deactivate_them(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var upload = await UploadAsync(hr, "one.csv", Utf8($"name,email\nHr Person,hr@demo.example\n"));
        var reviewUrl = upload.Headers.Location!.OriginalString;

        var without = await hr.GetStringAsync(reviewUrl);
        var with = WebUtility.HtmlDecode(await hr.GetStringAsync(reviewUrl + "?Deactivate=true"));

        Assert.Equal(0, Count(without, "deactivate"));
        Assert.True(Count(with, "deactivate") > 100);
        Assert.Contains("People to deactivate (not in the file)", with, StringComparison.Ordinal);
        Assert.Contains("data-confirm=\"Apply the import and deactivate", with, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- who may import

    [Theory]
    [MemberData(nameof(ForbiddenCases))]
    public async Task Employees_and_partners_are_refused_the_import_pages(DatabaseProvider provider, string account, string path)
    {
        var app = await App(provider);
        var client = await app.SignedInAsync(account);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(response.Headers.Location)).StatusCode);
    }

    public static TheoryData<DatabaseProvider, string, string> ForbiddenCases
    {
        get
        {
            var data = new TheoryData<DatabaseProvider, string, string>();
            foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
            {
                foreach (var account in new[] { "employee@demo.example", "partner@demo.example" })
                {
                    foreach (var path in new[] { "/people/import", "/people/import/history", "/people/import/template.csv", "/people/import/0123456789abcdef0123456789abcdef" })
                    {
                        data.Add(provider, account, path);
                    }
                }
            }
            return data;
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_employee_cannot_post_an_upload(DatabaseProvider provider)
    {
        var app = await App(provider);
        var employee = await app.SignedInAsync("employee@demo.example");
        var token = InwardApp.AntiforgeryToken(await employee.GetStringAsync("/"));

        var response = await employee.PostAsync("/people/import", Multipart(token, "x.csv", Utf8("name,email\nA,a@x.example\n")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Anonymous_visitors_are_sent_to_sign_in(DatabaseProvider provider)
    {
        var app = await App(provider);

        foreach (var path in new[] { "/people/import", "/people/import/history", "/people/import/template.csv" })
        {
            var response = await app.Client().GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_upload_is_found_only_by_the_user_who_made_it(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var admin = await app.SignedInAsync("admin@demo.example");
        var upload = await UploadAsync(hr, "mine.csv", Utf8("name,email\nA,a@x.example\n"));
        var reviewUrl = upload.Headers.Location!.OriginalString;

        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync(reviewUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(reviewUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync($"/people/import/{Guid.NewGuid():N}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await hr.GetAsync("/people/import/..%2F..%2Finward.db")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_template_downloads_as_csv_and_imports_as_it_is(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");

        var response = await hr.GetAsync("/people/import/template.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        var review = await UploadAndReviewAsync(hr, "template.csv", await response.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain("problems found", review.Text, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_sample_roster_in_the_docs_previews_against_the_demo_company_without_problems(DatabaseProvider provider)
    {
        var app = await App(provider);
        var hr = await app.SignedInAsync("hr@demo.example");
        var sample = Path.Combine(RepositoryRoot(), "docs", "sample-roster.csv");

        var review = await UploadAndReviewAsync(hr, "sample-roster.csv", await File.ReadAllBytesAsync(sample));

        Assert.DoesNotContain("problems found", review.Text, StringComparison.Ordinal);
        Assert.Contains("Łukasz Wiśniewski", review.Text, StringComparison.Ordinal);
        Assert.Contains("Apply the import", review.Text, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Inward.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Inward.slnx not found above the test output.");
    }

    // ---------------------------------------------------------------- command line

    [Theory, MemberData(nameof(Providers))]
    public async Task The_command_previews_with_dry_run_then_applies_and_reports_rows(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (a, b) = (Email("cli-a"), Email("cli-b"));
        var path = TempFile($"name,email,department,manager email\nAnn Cli,{a},Field Service,\nBob Cli,{b},Field Service,{a}\n");

        var (dryCode, dryOutput) = await RunCommandAsync(app, path, "--dry-run");

        Assert.Equal(0, dryCode);
        Assert.Contains("Create: 2  Update: 0  Deactivate: 0  Unchanged: 0  Problems: 0", dryOutput, StringComparison.Ordinal);
        Assert.Contains("Dry run: nothing was changed.", dryOutput, StringComparison.Ordinal);
        await AssertNobodyWithAsync(app, a, b);

        var (code, output) = await RunCommandAsync(app, path);

        Assert.Equal(0, code);
        Assert.Contains("Applied.", output, StringComparison.Ordinal);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var bob = await db.Employees.Include(e => e.Manager).SingleAsync(e => e.Email == b);
        Assert.Equal(a, bob.Manager!.Email);
        var fileName = Path.GetFileName(path);
        var history = await db.RosterImports.Where(i => i.FileName == fileName).OrderBy(i => i.Id).ToListAsync();
        Assert.Equal([(true, 2), (false, 2)], history.Select(i => (i.DryRun, i.Created)));
        Assert.All(history, i => Assert.Equal(ImportRosterCommand.Actor, i.ActorName));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ActorName == ImportRosterCommand.Actor && e.EntityType == nameof(Employee) && e.After!.Contains(b.Split('@', StringSplitOptions.None)[0])));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Deactivating_people_missing_from_the_file_also_deactivates_their_accounts_and_renews_their_stamps(DatabaseProvider provider)
    {
        // Its own app: deactivating everyone not in the file would lock the shared demo accounts out.
        await using var app = new InwardApp(provider);
        await app.InitialiseAsync();
        string stampBefore;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            stampBefore = (await db.Users.SingleAsync(u => u.Email == "employee@demo.example")).SecurityStamp!;
        }
        var path = TempFile("name,email\nHead of HR,hr@demo.example\nHead of IT,admin@demo.example\n");

        var (code, output) = await RunCommandAsync(app, path, "--deactivate-missing");

        Assert.Equal(0, code);
        Assert.Contains("Deactivate: 118", output, StringComparison.Ordinal);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            Assert.Equal(2, await db.Employees.CountAsync(e => e.IsActive));
            var employee = await db.Users.SingleAsync(u => u.Email == "employee@demo.example");
            Assert.False(employee.IsActive);
            Assert.NotEqual(stampBefore, employee.SecurityStamp);
            Assert.True((await db.Users.SingleAsync(u => u.Email == "hr@demo.example")).IsActive);
            Assert.True((await db.Users.SingleAsync(u => u.Email == "partner@demo.example")).IsActive);
        }
        var signIn = await InwardApp.SignInAsync(app.Client(), "employee@demo.example", InwardApp.Password);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_command_exits_with_1_and_changes_nothing_when_rows_have_problems(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (a, b) = (Email("cli-a"), Email("cli-b"));
        var path = TempFile($"name,email,department\nAnn,{a},R&D\nBob,{b},Nowhere\n");

        var (code, output) = await RunCommandAsync(app, path);

        Assert.Equal(1, code);
        Assert.Contains("Problems found; nothing was changed.", output, StringComparison.Ordinal);
        Assert.Contains("Row 3: Unknown department 'Nowhere'.", output, StringComparison.Ordinal);
        await AssertNobodyWithAsync(app, a, b);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_command_exits_with_2_on_wrong_usage_and_0_for_help(DatabaseProvider provider)
    {
        var app = await App(provider);
        var path = TempFile("name,email\n");

        Assert.Equal(2, (await RunCommandAsync(app)).Code);
        Assert.Equal(2, (await RunCommandAsync(app, path, "--dry-rn")).Code);
        Assert.Equal(2, (await RunCommandAsync(app, path, path)).Code);
        Assert.Equal(2, (await RunCommandAsync(app, "/nonexistent/roster.csv")).Code);
        var (helpCode, help) = await RunCommandAsync(app, "--help");
        Assert.Equal(0, helpCode);
        Assert.Contains("import-roster FILE [--dry-run] [--deactivate-missing]", help, StringComparison.Ordinal);
    }

    // ---------------------------------------------------------------- helpers

    private sealed record ImportOutcome(HttpResponseMessage? Final, string ReviewText, string Text, (int, int, int, int) Counts, bool Applied, int? ImportId);

    private sealed record Review(string Url, string Html, string Text, (int, int, int, int) Counts);

    private static string Email(string prefix) => $"{prefix}-{Guid.NewGuid():N}@import.example";

    private static string Number() => $"T{Guid.NewGuid():N}"[..20];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n", StringComparison.Ordinal));

    private static TheoryData<DatabaseProvider, string> Cross(string[] cases)
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var c in cases)
            {
                data.Add(provider, c);
            }
        }
        return data;
    }

    private static byte[] Png() =>
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89];

    private static byte[] Zip()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open());
            entry.Write("<workbook/>");
        }
        return stream.ToArray();
    }

    private static byte[] BigCsv(long size)
    {
        var bytes = new byte[size];
        var line = Encoding.ASCII.GetBytes("Anna Example,anna@x.example,Customer Service\n");
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = line[i % line.Length];
        }
        return bytes;
    }

    private static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"roster-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, content);
        return path;
    }

    private static MultipartFormDataContent Multipart(string token, string fileName, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { file, "Roster", fileName },
        };
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var page = await client.GetStringAsync("/people/import");
        return await client.PostAsync("/people/import", Multipart(InwardApp.AntiforgeryToken(page), fileName, bytes));
    }

    private static async Task<Review> UploadAndReviewAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var upload = await UploadAsync(client, fileName, bytes);
        Assert.True(upload.StatusCode == HttpStatusCode.Redirect, WebUtility.HtmlDecode(await upload.Content.ReadAsStringAsync()));
        var url = upload.Headers.Location!.OriginalString;
        var html = await client.GetStringAsync(url);
        return new Review(url, html, WebUtility.HtmlDecode(html), Counts(html));
    }

    /// <summary>Upload, review with the guessed mapping, and apply through the page's own form when it offers one.</summary>
    private static async Task<ImportOutcome> ImportAsync(HttpClient client, string fileName, byte[] bytes)
    {
        var review = await UploadAndReviewAsync(client, fileName, bytes);
        if (!review.Html.Contains("Apply the import", StringComparison.Ordinal))
        {
            return new ImportOutcome(null, review.Text, review.Text, review.Counts, false, null);
        }
        var apply = await PostApplyAsync(client, review);
        var text = WebUtility.HtmlDecode(await apply.Content.ReadAsStringAsync());
        var applied = apply.StatusCode == HttpStatusCode.Redirect;
        var id = applied && AppliedId().Match(apply.Headers.Location!.OriginalString) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
        return new ImportOutcome(apply, review.Text, text, review.Counts, applied, id);
    }

    private static async Task<HttpResponseMessage> PostApplyAsync(HttpClient client, Review review)
    {
        var form = HiddenField().Matches(review.Html)
            .Where(m => m.Groups[1].Value != "__RequestVerificationToken")
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        form["__RequestVerificationToken"] = InwardApp.AntiforgeryToken(review.Html);
        return await client.PostAsync(review.Url, new FormUrlEncodedContent(form));
    }

    private static (int, int, int, int) Counts(string html) =>
        (Count(html, "create"), Count(html, "update"), Count(html, "deactivate"), Count(html, "unchanged"));

    private static int Count(string html, string what) =>
        int.Parse(Regex.Match(html, $"data-count=\"{what}\">(\\d+)<").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<(int Code, string Output)> RunCommandAsync(InwardApp app, params string[] args)
    {
        var command = app.Services.GetServices<ICliCommand>().Single(c => c.Name == "import-roster");
        var output = new StringWriter();
        var code = await command.RunAsync(app.Services, new CliArguments(args), output, CancellationToken.None);
        return (code, output.ToString());
    }

    private static async Task AssertNobodyWithAsync(InwardApp app, params string[] emails)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var normalised = emails.Select(e => e.ToUpperInvariant()).ToList();
        Assert.False(await db.Employees.AnyAsync(e => normalised.Contains(e.NormalizedEmail)));
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("applied=(\\d+)")]
    private static partial Regex AppliedId();
}
