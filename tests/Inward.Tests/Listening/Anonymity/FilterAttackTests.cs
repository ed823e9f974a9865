using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using System.Xml.Linq;
using Inward.Features.Listening;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Listening.Anonymity;

/// <summary>
/// An attacker with the results filters (department × location × tenure band) on both databases: HR, a manager and an
/// employee try, through the page, the API, CSV and XLSX, to narrow a group below k, subtract a filtered child from its
/// filtered parent, combine location and band requests, tell a small group from an empty one by the refusal, or read
/// something into the order of rows. Every attempt must reveal nothing.
/// </summary>
public sealed class FilterAttackTests(Apps apps) : IntegrationTest(apps)
{
    private const string Hr = $"hr@{DemoCompany.Domain}";
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"x\")";

    /// <summary>Who is where: a department, a location, years since hire, how many; <paramref name="Skipping"/> of them leave the optional question out.</summary>
    private sealed record Seat(int Department, int Location, int Years, int Count, int Skipping = 0);

    private static Task<int> DepartmentAsync(InwardApp app, string name, int? parent = null) => TestAccounts.WithDbAsync(app, async db =>
    {
        var department = new Department { Name = $"{name} {Guid.NewGuid():N}"[..30], ParentId = parent };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    });

    private static Task<int> LocationAsync(InwardApp app, string name) => TestAccounts.WithDbAsync(app, async db =>
    {
        var location = new Location { Name = $"{name} {Guid.NewGuid():N}"[..24] };
        db.Locations.Add(location);
        await db.SaveChangesAsync();
        return location.Id;
    });

    /// <summary>
    /// Employees (no accounts needed) in the seats, an anonymous survey to <paramref name="audience"/> launched by HR, one
    /// answer from each (Likert 4 or 2 alternately, eNPS 9, the optional question 5 unless skipped), closed. Returns the survey id.
    /// </summary>
    private static async Task<int> SurveyAsync(InwardApp app, int audience, params Seat[] seats)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var people = await TestAccounts.WithDbAsync(app, async db =>
        {
            var added = seats.SelectMany(s => Enumerable.Range(0, s.Count).Select(i =>
            {
                var email = $"f{Guid.NewGuid():N}@filters.example";
                return (Employee: new Employee
                {
                    Name = "Filter person", Email = email, NormalizedEmail = email.ToUpperInvariant(), DepartmentId = s.Department, LocationId = s.Location,
                    HireDate = today.AddYears(-s.Years).AddDays(-10),
                }, Skips: i < s.Skipping);
            })).ToList();
            db.Employees.AddRange(added.Select(a => a.Employee));
            await db.SaveChangesAsync();
            return added.Select(a => (a.Employee.Id, a.Skips)).ToList();
        });
        var hr = await app.ApiClientAsync(Hr);
        var created = await hr.PostAsJsonAsync("/api/v1/surveys", new
        {
            title = $"Filters {Guid.NewGuid():N}",
            audience = new { include = new[] { new { departments = new[] { new { id = audience, includeSubDepartments = true } } } } },
            sections = new[]
            {
                new
                {
                    title = "",
                    questions = new object[]
                    {
                        new { kind = "Likert5", text = "I feel valued.", dimension = "Mood" },
                        new { kind = "Likert5", text = Formula, dimension = "Mood" },
                        new { kind = "Scale0To10", text = "Recommend us?" },
                        new { kind = "Likert5", text = "Anything else to rate?", required = false },
                    },
                },
            },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{id}/launch", null)).StatusCode);
        var questions = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyQuestion>().Where(q => q.SurveyId == id).OrderBy(q => q.Order).Select(q => q.Id).ToListAsync());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var responding = scope.ServiceProvider.GetRequiredService<SurveyResponding>();
            var anyone = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "filters")], "test"));
            for (var i = 0; i < people.Count; i++)
            {
                List<AnswerInput> answers = [new(questions[0], Value: i % 2 == 0 ? 4 : 2), new(questions[1], Value: 4), new(questions[2], Value: 9)];
                if (!people[i].Skips)
                {
                    answers.Add(new(questions[3], Value: 5));
                }
                var (outcome, _) = await responding.SubmitAsync(id, anyone, people[i].Id, answers, default);
                Assert.Equal(SubmitOutcome.Submitted, outcome);
            }
        }
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{id}/close", null)).StatusCode);
        return id;
    }

    /// <summary>The status and the problem's title and detail (the trace id differs per request by design).</summary>
    private static async Task<string> RefusalAsync(HttpResponseMessage response)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        return $"{problem.GetProperty("title").GetString()}|{problem.GetProperty("detail").GetString()}";
    }

    /// <summary>The page from the filter form to the end of the main content: what a reader sees of the results.</summary>
    private static string Results(string page)
    {
        var start = page.IndexOf("</form>", page.IndexOf("role=\"search\"", StringComparison.Ordinal), StringComparison.Ordinal);
        var end = page.IndexOf("</main>", StringComparison.Ordinal);
        // Antiforgery tokens of the layout's forms differ per request by design.
        return System.Text.RegularExpressions.Regex.Replace(page[start..end], "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"[^\"]*\"", "");
    }

    /// <summary>The first worksheet's cells as text (shared by the trend attack tests).</summary>
    internal static List<List<string>> Sheet(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        XNamespace ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } s
            ? XDocument.Load(s.Open()).Descendants(ns + "si").Select(si => string.Concat(si.Descendants(ns + "t").Select(t => t.Value))).ToList()
            : [];
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return [.. sheet.Descendants(ns + "row").Select(row => row.Elements(ns + "c").Select(c =>
            (string?)c.Attribute("t") switch
            {
                "inlineStr" => string.Concat(c.Descendants(ns + "t").Select(t => t.Value)),
                "s" => shared[int.Parse(c.Element(ns + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture)],
                _ => c.Element(ns + "v")?.Value ?? "",
            }).ToList())];
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_refused_filter_reads_the_same_for_a_small_group_an_empty_one_a_protected_one_and_an_unknown_location(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app, "Refused");
        var (warsaw, cairo, nowhere) = (await LocationAsync(app, "Warsaw"), await LocationAsync(app, "Cairo"), await LocationAsync(app, "Nowhere"));
        // 8 in Warsaw (1–3 years), 2 in Cairo (5+): Cairo is small, Warsaw would give Cairo away by subtraction.
        var id = await SurveyAsync(app, department, new Seat(department, warsaw, 2, 8), new Seat(department, cairo, 6, 2));
        var hr = await app.ApiClientAsync(Hr);
        var api = $"/api/v1/surveys/{id}/results?department={department}";

        var whole = await (await hr.GetAsync(api)).JsonAsync();
        Assert.Equal(10, whole.GetProperty("responded").GetInt32());
        var small = await RefusalAsync(await hr.GetAsync($"{api}&location={cairo}"));
        Assert.Equal(ResultFilterQuery.Refused, small.Split('|')[1]);
        foreach (var attempt in new[] { $"location={warsaw}", $"location={nowhere}", "location=999999999", "tenure=FiveYearsOrMore", "tenure=ThreeToFiveYears",
                     "tenure=OneToThreeYears", $"location={warsaw}&tenure=OneToThreeYears", $"location={cairo}&tenure=FiveYearsOrMore" })
        {
            Assert.Equal(small, await RefusalAsync(await hr.GetAsync($"{api}&{attempt}")));
        }

        // The page gives one notice and the unfiltered department, identical whatever was asked.
        var pages = await app.SignedInAsync(Hr);
        var page = $"/surveys/{id}/results?department={department}";
        var smallPage = Results(await pages.GetStringAsync($"{page}&location={cairo}"));
        Assert.Contains(WebUtility.HtmlEncode(ResultFilterQuery.Refused), smallPage, StringComparison.Ordinal);
        Assert.Equal(smallPage, Results(await pages.GetStringAsync($"{page}&location={nowhere}")));
        Assert.Equal(smallPage, Results(await pages.GetStringAsync($"{page}&location={warsaw}")));
        Assert.Equal(smallPage, Results(await pages.GetStringAsync($"{page}&tenure=FiveYearsOrMore")));

        // Exports refuse in the same words, and nothing is audited as exported.
        foreach (var export in new[] { $"/surveys/{id}/export?department={department}", $"/surveys/{id}/export?handler=Xlsx&department={department}" })
        {
            var smallExport = await pages.GetAsync($"{export}&location={cairo}");
            var emptyExport = await pages.GetAsync($"{export}&location={nowhere}");
            Assert.Equal(HttpStatusCode.BadRequest, smallExport.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, emptyExport.StatusCode);
            var (a, b) = (await smallExport.JsonAsync(), await emptyExport.JsonAsync());
            Assert.Equal(ResultFilterQuery.Refused, a.GetProperty("detail").GetString());
            Assert.Equal(a.GetProperty("detail").GetString(), b.GetProperty("detail").GetString());
        }
        Assert.False(await TestAccounts.WithDbAsync(app, db => db.AuditEntries.AnyAsync(e => e.Action == "SurveyResultsExported" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        var bad = await (await hr.GetAsync($"{api}&tenure=7")).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("tenure", out _));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Allowed_filters_show_the_group_beside_the_company_on_the_page_the_api_csv_and_xlsx(DatabaseProvider provider)
    {
        var app = await App(provider);
        var parent = await DepartmentAsync(app, "Allowed");
        var department = await DepartmentAsync(app, "Sales", parent);
        var other = await DepartmentAsync(app, "Support", parent);
        var (warsaw, cairo) = (await LocationAsync(app, "Warsaw"), await LocationAsync(app, "Cairo"));
        var id = await SurveyAsync(app, parent, new Seat(department, warsaw, 2, 6), new Seat(department, cairo, 6, 6), new Seat(other, warsaw, 2, 6));
        var hr = await app.ApiClientAsync(Hr);

        var filtered = await (await hr.GetAsync($"/api/v1/surveys/{id}/results?department={department}&location={warsaw}")).JsonAsync();
        Assert.True(filtered.GetProperty("groupShown").GetBoolean());
        Assert.Equal(6, filtered.GetProperty("responded").GetInt32());
        Assert.Equal(warsaw, filtered.GetProperty("filter").GetProperty("locationId").GetInt32());
        Assert.Empty(filtered.GetProperty("comments").EnumerateArray());
        // Alternating 4 and 2 over 6 people: 50 % favourable in the group; the whole company (18) compares on the same figure.
        var first = filtered.GetProperty("questions")[0];
        var comparison = filtered.GetProperty("comparisons").EnumerateArray().Single(c => c.GetProperty("questionId").ValueKind == JsonValueKind.Number
            && c.GetProperty("questionId").GetInt32() == first.GetProperty("id").GetInt32());
        Assert.Equal(50, comparison.GetProperty("group").GetDouble(), 3);
        Assert.Equal(comparison.GetProperty("group").GetDouble() - comparison.GetProperty("company").GetDouble(), comparison.GetProperty("difference").GetDouble(), 6);
        Assert.Contains(filtered.GetProperty("comparisons").EnumerateArray(), c => c.GetProperty("dimension").GetString() == "Mood");

        var band = await (await hr.GetAsync($"/api/v1/surveys/{id}/results?department={department}&tenure=FiveYearsOrMore")).JsonAsync();
        Assert.Equal(6, band.GetProperty("responded").GetInt32());
        var both = await (await hr.GetAsync($"/api/v1/surveys/{id}/results?department={department}&location={cairo}&tenure=FiveYearsOrMore")).JsonAsync();
        Assert.Equal(6, both.GetProperty("responded").GetInt32());

        var pages = await app.SignedInAsync(Hr);
        var page = WebUtility.HtmlDecode(await pages.GetStringAsync($"/surveys/{id}/results?department={department}&location={warsaw}"));
        Assert.Contains("Whole company: 50 % favourable", page, StringComparison.Ordinal);
        Assert.Contains("Written comments are listed for whole departments only.", page, StringComparison.Ordinal);
        Assert.Contains($"/surveys/{id}/export?handler=Xlsx&department={department}&location={warsaw}", page, StringComparison.Ordinal);

        var csv = await pages.GetStringAsync($"/surveys/{id}/export?department={department}&location={warsaw}");
        Assert.Contains("'" + Formula.Replace("\"", "\"\"", StringComparison.Ordinal), csv, StringComparison.Ordinal);
        Assert.Contains(" · Warsaw", csv, StringComparison.Ordinal);

        var xlsx = await pages.GetAsync($"/surveys/{id}/export?handler=Xlsx&department={department}&location={warsaw}&tenure=OneToThreeYears");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        var rows = Sheet(await xlsx.Content.ReadAsByteArrayAsync());
        Assert.Equal(["Section", "Group", "Item", "Dimension", "Respondents"], rows[0].Take(5));
        var question = rows.Single(r => r[0] == "Question" && r[2] == "I feel valued.");
        Assert.Contains("Warsaw", question[1], StringComparison.Ordinal);
        Assert.EndsWith("1 to 3 years", question[1], StringComparison.Ordinal);
        Assert.Equal("6", question[4]);
        Assert.Equal("50", question[6]);
        Assert.Contains(rows, r => r[0] == "Question" && r[2] == "'" + Formula);
        Assert.DoesNotContain(rows.SelectMany(r => r), c => c.Length > 0 && "=+-@".Contains(c[0], StringComparison.Ordinal) && !double.TryParse(c,
            System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _));
        Assert.True(await TestAccounts.WithDbAsync(app, db => db.AuditEntries.AnyAsync(e => e.Action == "SurveyResultsExported" && e.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            && e.After!.Contains("xlsx"))));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_filtered_parent_minus_a_filtered_child_never_isolates_a_small_group_whatever_the_sequence(DatabaseProvider provider)
    {
        var app = await App(provider);
        var parent = await DepartmentAsync(app, "Parent");
        // Names chosen so that alphabetical order differs from size order.
        var big = await DepartmentAsync(app, "Alpha", parent);
        var small = await DepartmentAsync(app, "Beta", parent);
        var (warsaw, cairo) = (await LocationAsync(app, "Warsaw"), await LocationAsync(app, "Cairo"));
        // Warsaw: Alpha 6, Beta 2 → Parent(Warsaw) − Alpha(Warsaw) = 2. Beta also has 7 in Cairo (5+ years).
        var id = await SurveyAsync(app, parent, new Seat(big, warsaw, 2, 6), new Seat(small, warsaw, 2, 2), new Seat(small, cairo, 6, 7));
        var hr = await app.ApiClientAsync(Hr);
        var seen = new Dictionary<string, int>();
        foreach (var dept in new[] { parent, big, small })
        {
            foreach (var filter in new[] { "", $"&location={warsaw}", $"&location={cairo}", "&tenure=OneToThreeYears", "&tenure=FiveYearsOrMore",
                         $"&location={warsaw}&tenure=OneToThreeYears", $"&location={cairo}&tenure=FiveYearsOrMore" })
            {
                var response = await hr.GetAsync($"/api/v1/surveys/{id}/results?department={dept}{filter}");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var view = await response.JsonAsync();
                    seen[$"{dept}{filter}"] = view.GetProperty("responded").GetInt32();
                    foreach (var row in view.GetProperty("heatmap").EnumerateArray().Where(r => r.GetProperty("shown").GetBoolean()))
                    {
                        var rowId = row.GetProperty("departmentId").GetInt32();
                        seen[$"{rowId}{filter}"] = row.GetProperty("responded").GetInt32();
                    }
                }
                else
                {
                    Assert.Equal(ResultFilterQuery.Refused, (await response.AssertProblemAsync(HttpStatusCode.BadRequest)).GetProperty("detail").GetString());
                }
            }
        }
        // The attacker's subtractions: Beta in Warsaw (2), directly or as parent − Alpha, or Beta − Beta in Cairo.
        Assert.False(seen.ContainsKey($"{small}&location={warsaw}"));
        Assert.False(seen.ContainsKey($"{parent}&location={warsaw}") && seen.ContainsKey($"{big}&location={warsaw}"));
        Assert.False(seen.ContainsKey($"{small}&location={cairo}") && seen.ContainsKey($"{small}"));
        Assert.False(seen.ContainsKey($"{small}&tenure=FiveYearsOrMore") && seen.ContainsKey($"{small}"));
        Assert.False(seen.ContainsKey($"{parent}&tenure=OneToThreeYears") && seen.ContainsKey($"{big}&tenure=OneToThreeYears"));
        Assert.DoesNotContain(seen.Values, n => n is > 0 and < 5);

        // Rows come in name order, never by size: Alpha (6) before Beta (9) unfiltered.
        var order = (await (await hr.GetAsync($"/api/v1/surveys/{id}/results?department={parent}")).JsonAsync()).GetProperty("heatmap").EnumerateArray()
            .Skip(1).Select(r => r.GetProperty("departmentId").GetInt32()).ToList();
        Assert.Equal([big, small], order);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_optional_questions_answer_counts_cannot_be_subtracted_across_filtered_groups(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app, "Optional");
        var (warsaw, cairo) = (await LocationAsync(app, "Warsaw"), await LocationAsync(app, "Cairo"));
        // Four groups of 6 respondents, every one of them may be shown filtered. The optional question was answered by 3 in
        // Warsaw (1–3 years) and by 2 in Cairo (5+): Cairo (8 answered) − Cairo 1–3 years (6) would give the 2 away, and
        // the 5+ band (8) − Warsaw 5+ (6) the same; Warsaw (9) − Warsaw 5+ (6) the 3.
        var id = await SurveyAsync(app, department, new Seat(department, warsaw, 2, 6, Skipping: 3), new Seat(department, warsaw, 6, 6),
            new Seat(department, cairo, 2, 6), new Seat(department, cairo, 6, 6, Skipping: 4));
        var optional = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyQuestion>().Where(q => q.SurveyId == id && !q.Required).Select(q => q.Id).SingleAsync());
        var hr = await app.ApiClientAsync(Hr);
        var pages = await app.SignedInAsync(Hr);

        // Every request the attacker can make, as the atoms it sums: Warsaw 1–3, Warsaw 5+, Cairo 1–3, Cairo 5+.
        var requests = new (string Query, long[] Atoms)[]
        {
            ("", [1, 1, 1, 1]), ($"&location={warsaw}", [1, 1, 0, 0]), ($"&location={cairo}", [0, 0, 1, 1]),
            ("&tenure=OneToThreeYears", [1, 0, 1, 0]), ("&tenure=FiveYearsOrMore", [0, 1, 0, 1]),
            ($"&location={warsaw}&tenure=OneToThreeYears", [1, 0, 0, 0]), ($"&location={warsaw}&tenure=FiveYearsOrMore", [0, 1, 0, 0]),
            ($"&location={cairo}&tenure=OneToThreeYears", [0, 0, 1, 0]), ($"&location={cairo}&tenure=FiveYearsOrMore", [0, 0, 0, 1]),
        };
        var published = new List<long[]>();
        foreach (var (query, atoms) in requests)
        {
            var response = await hr.GetAsync($"/api/v1/surveys/{id}/results?department={department}{query}");
            // The respondents' groups are all large and the lines add up: every filter is allowed.
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var view = await response.JsonAsync();
            Assert.Equal(6 * (int)atoms.Sum(), view.GetProperty("responded").GetInt32());
            var question = view.GetProperty("questions").EnumerateArray().Single(q => q.GetProperty("id").GetInt32() == optional);
            if (!question.GetProperty("suppressed").GetBoolean())
            {
                published.Add(atoms);
                Assert.Equal(5, question.GetProperty("likert").GetProperty("mean").GetDouble(), 6);
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, question.GetProperty("n").ValueKind);
                Assert.Equal(JsonValueKind.Null, question.GetProperty("likert").ValueKind);
            }
            // The export of the same group hides the same figure.
            var csv = await pages.GetStringAsync($"/surveys/{id}/export?department={department}{query}");
            var row = csv.Split('\n').Single(line => line.Contains("Anything else to rate?", StringComparison.Ordinal)).Split(',');
            Assert.Equal(question.GetProperty("suppressed").GetBoolean() ? "" : question.GetProperty("n").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), row[4]);
        }
        // Neither small group of answerers is a combination of the answer counts shown, by any number of subtractions.
        Assert.False(FilterGuardTests.InSpan(published, [1, 0, 0, 0]), "Warsaw 1–3 years' 3 answerers can be computed");
        Assert.False(FilterGuardTests.InSpan(published, [0, 0, 0, 1]), "Cairo 5+ years' 2 answerers can be computed");
        // And the question is not simply hidden everywhere: the department and the single filters still show it.
        Assert.True(published.Count >= 5, $"the optional question is shown in only {published.Count} of 9 groups");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Managers_and_employees_cannot_reach_other_groups_through_filters(DatabaseProvider provider)
    {
        var app = await App(provider);
        var parent = await DepartmentAsync(app, "Reach");
        var mine = await DepartmentAsync(app, "Mine", parent);
        var theirs = await DepartmentAsync(app, "Theirs", parent);
        var warsaw = await LocationAsync(app, "Warsaw");
        var id = await SurveyAsync(app, parent, new Seat(mine, warsaw, 2, 6), new Seat(theirs, warsaw, 2, 6));
        var (managerEmail, _, managerEmployee) = await TestAccounts.CreateAsync(app, [Roles.Manager, Roles.Employee]);
        await TestAccounts.WithDbAsync(app, async db =>
        {
            (await db.Employees.SingleAsync(e => e.Id == managerEmployee)).DepartmentId = mine;
            return await db.SaveChangesAsync();
        });
        var manager = await app.ApiClientAsync(managerEmail);
        await (await manager.GetAsync($"/api/v1/surveys/{id}/results?department={theirs}&location={warsaw}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await manager.GetAsync($"/api/v1/surveys/{id}/results?department={parent}&tenure=OneToThreeYears")).AssertProblemAsync(HttpStatusCode.Forbidden);
        var own = await (await manager.GetAsync($"/api/v1/surveys/{id}/results?location={warsaw}")).JsonAsync();
        Assert.Equal(mine, own.GetProperty("departmentId").GetInt32());
        Assert.Equal(6, own.GetProperty("responded").GetInt32());
        var managerPages = await app.SignedInAsync(managerEmail, TestAccounts.Password);
        var denied = await managerPages.GetAsync($"/surveys/{id}/export?handler=Xlsx&department={theirs}&location={warsaw}");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/access-denied", denied.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var employee = await app.ApiClientAsync($"employee@{DemoCompany.Domain}");
        await (await employee.GetAsync($"/api/v1/surveys/{id}/results?location={warsaw}")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await employee.GetAsync($"/api/v1/surveys/999999999/results?location={warsaw}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
