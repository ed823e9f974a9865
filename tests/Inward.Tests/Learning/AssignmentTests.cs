using System.Net;
using System.Net.Http.Json;
using Inward.Features.Audiences;
using Inward.Features.Learning;
using Inward.Features.Learning.Assignments;
using Inward.Features.Learning.Certificates;
using Inward.Features.Notifications;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Inward.Tests.Jobs;
using Microsoft.EntityFrameworkCore;
using static Inward.Tests.Learning.AssignmentTestData;

namespace Inward.Tests.Learning;

/// <summary>Assignment rules, due dates, completion, re-certification, reminders and who sees which records, on both databases.</summary>
public sealed class AssignmentTests(Apps apps) : IntegrationTest(apps)
{
    private static readonly int[] UnknownCourses = [999_999_999];

    private static DateOnly Day(ManualClock clock) => DateOnly.FromDateTime(clock.UtcNow);

    [Theory, MemberData(nameof(Providers))]
    public async Task A_person_who_changes_department_swaps_the_old_rules_courses_for_the_new_ones(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (sales, service) = (await DepartmentAsync(app), await DepartmentAsync(app));
        var (salesCourse, serviceCourse) = (await CourseAsync(app), await CourseAsync(app));
        var (_, _, person) = await PersonAsync(app, sales);
        var salesRule = await RuleAsync(app, Department(sales), salesCourse.Id, days: 14);
        var serviceRule = await RuleAsync(app, Department(service), serviceCourse.Id, days: 30);
        var clock = new ManualClock(DateTime.UtcNow);

        await EvaluateAsync(app, clock, salesRule);
        await EvaluateAsync(app, clock, serviceRule);
        await EvaluateAsync(app, clock, salesRule);
        var first = Assert.Single(await AssignmentsAsync(app, person));
        Assert.Equal((salesCourse.Id, salesRule, AssignmentStatus.Open, Day(clock).AddDays(14)), (first.CourseId, first.RuleId!.Value, first.Status, first.DueDate!.Value));

        await TestAccounts.WithDbAsync(app, async db =>
        {
            (await db.Employees.SingleAsync(e => e.Id == person)).DepartmentId = service;
            return await db.SaveChangesAsync();
        });
        clock.Advance(TimeSpan.FromDays(1));
        await EvaluateAsync(app, clock, salesRule);
        await EvaluateAsync(app, clock, serviceRule);

        var all = await AssignmentsAsync(app, person);
        Assert.Equal(2, all.Count);
        Assert.Equal(AssignmentStatus.Cancelled, all[0].Status);
        Assert.Equal((serviceCourse.Id, AssignmentStatus.Open, Day(clock).AddDays(30)), (all[1].CourseId, all[1].Status, all[1].DueDate!.Value));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_managers_rule_reaches_a_person_once_someone_reports_to_them(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var course = await CourseAsync(app);
        var (_, _, lead) = await PersonAsync(app, department);
        var (_, _, report) = await PersonAsync(app, department);
        var rule = await RuleAsync(app, new AudienceRule
        {
            Include = [new AudienceClause { ManagesOthers = true, Departments = [new DepartmentChoice(department, true)] }],
        }, course.Id);
        var clock = new ManualClock(DateTime.UtcNow);

        await EvaluateAsync(app, clock, rule);
        Assert.Empty(await AssignmentsAsync(app, lead));

        await TestAccounts.WithDbAsync(app, async db =>
        {
            (await db.Employees.SingleAsync(e => e.Id == report)).ManagerId = lead;
            return await db.SaveChangesAsync();
        });
        await EvaluateAsync(app, clock, rule);
        Assert.Equal(course.Id, Assert.Single(await AssignmentsAsync(app, lead)).CourseId);
        Assert.Empty(await AssignmentsAsync(app, report));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task New_hires_are_due_days_after_hire_and_completing_issues_a_certificate(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var course = await CourseAsync(app);
        var clock = new ManualClock(DateTime.UtcNow);
        var hired = Day(clock).AddDays(-5);
        var (_, userId, person) = await PersonAsync(app, department, hired);
        var rule = await RuleAsync(app, new AudienceRule
        {
            Include = [new AudienceClause { HiredWithinDays = 90, Departments = [new DepartmentChoice(department, true)] }],
        }, course.Id, basis: DueBasis.AfterHire, days: 14);

        await EvaluateAsync(app, clock, rule);
        Assert.Equal(hired.AddDays(14), Assert.Single(await AssignmentsAsync(app, person)).DueDate);

        var completion = await CompleteAsync(app, course, userId, person, clock.UtcNow.AddHours(1), 85);
        var done = Assert.Single(await AssignmentsAsync(app, person));
        Assert.Equal((AssignmentStatus.Completed, completion.Id), (done.Status, done.CompletionId!.Value));
        var certificate = await TestAccounts.WithDbAsync(app, db => db.Set<Certificate>().AsNoTracking().SingleAsync(c => c.CompletionId == completion.Id));
        Assert.Equal((course.Title, 85, (DateTime?)null), (certificate.CourseTitle, certificate.ScorePercent!.Value, certificate.ExpiresUtc));
        Assert.StartsWith("Test ", certificate.PersonName, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_completion_after_assignment_completes_it_at_the_next_evaluation(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var course = await CourseAsync(app);
        var (_, userId, person) = await PersonAsync(app, department);
        var rule = await RuleAsync(app, Department(department), course.Id);
        var clock = new ManualClock(DateTime.UtcNow);
        await EvaluateAsync(app, clock, rule);
        await TestAccounts.WithDbAsync(app, async db =>
        {
            db.Add(new CourseCompletion { CourseId = course.Id, UserId = userId, EmployeeId = person, CompletedUtc = clock.UtcNow.AddMinutes(5) });
            return await db.SaveChangesAsync();
        });
        clock.Advance(TimeSpan.FromHours(1));

        await EvaluateAsync(app, clock, rule);

        Assert.Equal(AssignmentStatus.Completed, Assert.Single(await AssignmentsAsync(app, person)).Status);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task People_are_reassigned_thirty_days_before_their_certificate_expires(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var course = await CourseAsync(app, recertifyMonths: 6);
        var (_, userId, person) = await PersonAsync(app, department);
        var rule = await RuleAsync(app, Department(department), course.Id);
        var clock = new ManualClock(DateTime.UtcNow);
        await EvaluateAsync(app, clock, rule);
        var completed = clock.UtcNow.AddDays(1);
        await CompleteAsync(app, course, userId, person, completed);
        var expires = completed.AddMonths(6);

        clock.UtcNow = expires.AddDays(-31);
        await EvaluateAsync(app, clock);
        Assert.Single(await AssignmentsAsync(app, person, course.Id));

        clock.UtcNow = expires.AddDays(-30);
        await EvaluateAsync(app, clock);
        await EvaluateAsync(app, clock);
        var all = await AssignmentsAsync(app, person, course.Id);
        Assert.Equal(2, all.Count);
        var again = all[1];
        Assert.Equal((AssignmentReason.Recertification, AssignmentStatus.Open, DateOnly.FromDateTime(expires)), (again.Reason, again.Status, again.DueDate!.Value));
        Assert.NotNull(again.CertificateId);

        await CompleteAsync(app, course, userId, person, clock.UtcNow.AddDays(2));
        Assert.All(await AssignmentsAsync(app, person, course.Id), a => Assert.Equal(AssignmentStatus.Completed, a.Status));
        Assert.Equal(2, await TestAccounts.WithDbAsync(app, db => db.Set<Certificate>().CountAsync(c => c.EmployeeId == person)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Reminders_go_once_before_the_due_date_and_once_when_overdue_by_mail_and_in_the_app(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var course = await CourseAsync(app, title: $"Safety basics {Guid.NewGuid():N}"[..26]);
        var (email, _, person) = await PersonAsync(app, department);
        var rule = await RuleAsync(app, Department(department), course.Id, days: 10);
        var clock = new ManualClock(DateTime.UtcNow);
        await EvaluateAsync(app, clock, rule);
        var assignment = Assert.Single(await AssignmentsAsync(app, person));
        var due = assignment.DueDate!.Value;
        Task<List<LearningReminder>> RemindersAsync() =>
            TestAccounts.WithDbAsync(app, db => db.Set<LearningReminder>().AsNoTracking().Where(r => r.AssignmentId == assignment.Id).ToListAsync());

        clock.UtcNow = due.AddDays(-4).ToDateTime(new TimeOnly(8, 30), DateTimeKind.Utc);
        await RunAsync<LearningReminderJob>(app, clock);
        Assert.Empty(await RemindersAsync());

        clock.Advance(TimeSpan.FromDays(1)); // three days before
        await RunAsync<LearningReminderJob>(app, clock);
        await RunAsync<LearningReminderJob>(app, clock);
        var before = Assert.Single(await RemindersAsync());
        Assert.Equal(LearningReminder.Before, before.Kind);
        Assert.NotNull(before.EmailedUtc);
        var mail = await app.Smtp.WaitForMessageAsync(email, m => (m.Subject ?? "").Contains(course.Title, StringComparison.Ordinal)
            && (m.Subject ?? "").StartsWith("Training due by", StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        Assert.Contains($"/learning/courses/{course.Id}", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(course.Title, mail.HtmlBody, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(3)); // the due date itself: nothing new
        await RunAsync<LearningReminderJob>(app, clock);
        Assert.Single(await RemindersAsync());

        clock.Advance(TimeSpan.FromDays(1)); // overdue
        await RunAsync<LearningReminderJob>(app, clock);
        clock.Advance(TimeSpan.FromDays(1));
        await RunAsync<LearningReminderJob>(app, clock);
        Assert.Equal([LearningReminder.Before, LearningReminder.Overdue], (await RemindersAsync()).Select(r => r.Kind).Order(StringComparer.Ordinal));
        await app.Smtp.WaitForMessageAsync(email, m => (m.Subject ?? "").StartsWith("Training overdue", StringComparison.Ordinal)
            && (m.Subject ?? "").Contains(course.Title, StringComparison.Ordinal), TimeSpan.FromSeconds(30));
        var notes = await TestAccounts.WithDbAsync(app, db => db.Set<Notification>().AsNoTracking()
            .Where(n => n.EmployeeId == person && n.Kind == "learning").Select(n => n.Title).ToListAsync());
        Assert.Equal(2, notes.Count);
        Assert.Contains(notes, n => n.StartsWith("Overdue training", StringComparison.Ordinal));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Managers_see_only_their_team_and_employees_only_their_own_records(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var course = await CourseAsync(app);
        var (managerEmail, _, manager) = await PersonAsync(app, department, roles: [Roles.Manager]);
        var (reportEmail, _, report) = await PersonAsync(app, department);
        var (_, _, outsider) = await PersonAsync(app, department);
        await TestAccounts.WithDbAsync(app, async db =>
        {
            (await db.Employees.SingleAsync(e => e.Id == report)).ManagerId = manager;
            return await db.SaveChangesAsync();
        });
        var rule = await RuleAsync(app, Department(department), course.Id, days: 3);
        var clock = new ManualClock(DateTime.UtcNow.AddDays(-10));
        await EvaluateAsync(app, clock, rule); // due a week ago: overdue now

        var managerApi = await app.ApiClientAsync(managerEmail);
        var team = (await managerApi.GetFromJsonAsync<List<AssignmentResponse>>("/api/v1/learning/assignments?team=true"))!;
        Assert.Equal([report], team.Select(a => a.EmployeeId!.Value));
        Assert.Equal("overdue", team[0].State);
        var page = await (await app.SignedInAsync(managerEmail, TestAccounts.Password)).GetStringAsync("/learning/team");
        var names = await TestAccounts.WithDbAsync(app, db => db.Employees.Where(e => e.Id == report || e.Id == outsider).ToDictionaryAsync(e => e.Id, e => e.Name));
        Assert.Contains(names[report], page, StringComparison.Ordinal);
        Assert.DoesNotContain(names[outsider], page, StringComparison.Ordinal);

        var employeeApi = await app.ApiClientAsync(reportEmail);
        var mine = (await employeeApi.GetFromJsonAsync<List<AssignmentResponse>>("/api/v1/learning/assignments"))!;
        Assert.Equal([report], mine.Select(a => a.EmployeeId!.Value).Distinct());
        await (await employeeApi.GetAsync("/api/v1/learning/assignments?team=true")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await employeeApi.GetAsync("/api/v1/learning/assignments?all=true")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await TestAccounts.AssertForbiddenAsync(await app.SignedInAsync(reportEmail, TestAccounts.Password), "/learning/team");

        var hrApi = await app.ApiClientAsync($"hr@{DemoCompany.Domain}");
        var everyone = (await hrApi.GetFromJsonAsync<List<AssignmentResponse>>($"/api/v1/learning/assignments?all=true&course={course.Id}"))!;
        Assert.Equal(new[] { manager, report, outsider }.Order(), everyone.Select(a => a.EmployeeId!.Value).Order());
        var overdue = (await hrApi.GetFromJsonAsync<List<AssignmentResponse>>($"/api/v1/learning/assignments?all=true&course={course.Id}&state=overdue"))!;
        Assert.Equal(3, overdue.Count);
        await (await hrApi.GetAsync("/api/v1/learning/assignments?all=true&state=late")).AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partners_are_assigned_and_see_only_courses_whose_audience_names_their_organisation(DatabaseProvider provider)
    {
        var app = await App(provider);
        var organisation = await TestAccounts.WithDbAsync(app, async db =>
        {
            var org = new Inward.Features.People.PartnerOrganisation { Name = $"Partner {Guid.NewGuid():N}"[..20] };
            db.PartnerOrganisations.Add(org);
            await db.SaveChangesAsync();
            return org.Id;
        });
        var partners = new AudienceRule { Include = [new AudienceClause { PartnerOrganisations = [organisation] }] };
        var partnerCourse = await CourseAsync(app, audience: partners);
        var internalCourse = await CourseAsync(app);
        var (email, userId, _) = await TestAccounts.CreateAsync(app, [Roles.Partner], withEmployee: false, partnerId: organisation);
        var clock = new ManualClock(DateTime.UtcNow);
        await EvaluateAsync(app, clock, await RuleAsync(app, partners, partnerCourse.Id));
        await EvaluateAsync(app, clock, await RuleAsync(app, partners, internalCourse.Id));

        var key = LearningAssignment.UserKey(userId);
        var assigned = await TestAccounts.WithDbAsync(app, db => db.Set<LearningAssignment>().Where(a => a.PersonKey == key).Select(a => a.CourseId).ToListAsync());
        Assert.Equal([partnerCourse.Id], assigned);
        // Even a record of an internal course (made by hand) stays out of the partner's view.
        await TestAccounts.WithDbAsync(app, async db =>
        {
            db.Add(new LearningAssignment { PersonKey = key, CourseId = internalCourse.Id, AssignedUtc = DateTime.UtcNow, Status = AssignmentStatus.Open });
            return await db.SaveChangesAsync();
        });

        var partner = await app.SignedInAsync(email, TestAccounts.Password);
        var mine = (await partner.GetFromJsonAsync<List<AssignmentResponse>>("/api/v1/learning/assignments"))!;
        Assert.Equal([partnerCourse.Id], mine.Select(a => a.CourseId));
        var page = await partner.GetStringAsync("/learning/assigned");
        Assert.Contains(partnerCourse.Title, page, StringComparison.Ordinal);
        Assert.DoesNotContain(internalCourse.Title, page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.GetAsync("/api/v1/learning/assignments?team=true")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_completion_report_exports_csv_with_formulas_defused(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var course = await CourseAsync(app, title: "=HYPERLINK(\"http://evil.example\",\"x\")");
        var (_, userId, person) = await PersonAsync(app, department);
        await PersonAsync(app, department);
        var rule = await RuleAsync(app, Department(department), course.Id);
        var clock = new ManualClock(DateTime.UtcNow);
        await EvaluateAsync(app, clock, rule);
        await CompleteAsync(app, course, userId, person, clock.UtcNow.AddMinutes(1));

        var hr = await app.SignedInAsync($"hr@{DemoCompany.Domain}");
        var page = await hr.GetStringAsync($"/learning/report?course={course.Id}");
        Assert.Contains("50 %", page, StringComparison.Ordinal);
        var response = await InwardApp.PostFormAsync(hr, $"/learning/report?course={course.Id}", new() { ["course"] = course.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            $"/learning/report?handler=Export");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var csv = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains(",2,1,0,50.0", csv, StringComparison.Ordinal);
        await TestAccounts.AssertForbiddenAsync(await app.SignedInAsync($"employee@{DemoCompany.Domain}"), "/learning/report");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Bad_paths_and_rules_get_clear_errors_and_nothing_is_saved(DatabaseProvider provider)
    {
        var app = await App(provider);
        var comms = await app.ApiClientAsync($"comms@{DemoCompany.Domain}");
        var course = await CourseAsync(app);
        var before = await TestAccounts.WithDbAsync(app, db => db.Set<LearningPath>().CountAsync());

        var empty = await (await comms.PostAsJsonAsync("/api/v1/learning/paths", new { title = "Empty", courseIds = Array.Empty<int>() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("at least one course", empty.GetProperty("errors").GetProperty("courseIds")[0].GetString(), StringComparison.Ordinal);
        var unknown = await (await comms.PostAsJsonAsync("/api/v1/learning/paths", new { title = "Unknown", courseIds = UnknownCourses }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("999999999", unknown.GetProperty("errors").GetProperty("courseIds")[0].GetString(), StringComparison.Ordinal);
        var twice = await (await comms.PostAsJsonAsync("/api/v1/learning/paths", new { title = "", courseIds = new[] { course.Id, course.Id } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(twice.GetProperty("errors").TryGetProperty("title", out _));
        Assert.Equal(before, await TestAccounts.WithDbAsync(app, db => db.Set<LearningPath>().CountAsync()));

        var negative = await (await comms.PostAsJsonAsync("/api/v1/learning/rules", new
        {
            title = "Negative", courseId = course.Id, audience = AudienceRule.EveryoneInternal(), dueBasis = "AfterAssignment", dueDays = -3,
        })).AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("between 0 and", negative.GetProperty("errors").GetProperty("dueDays")[0].GetString(), StringComparison.Ordinal);
        var noTarget = await (await comms.PostAsJsonAsync("/api/v1/learning/rules", new { title = "Nothing", audience = AudienceRule.EveryoneInternal() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(noTarget.GetProperty("errors").TryGetProperty("target", out _));
        var badBasis = await (await comms.PostAsJsonAsync("/api/v1/learning/rules", new { title = "Basis", courseId = course.Id, audience = AudienceRule.EveryoneInternal(), dueBasis = "Whenever" }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True(badBasis.GetProperty("errors").TryGetProperty("dueBasis", out _));
        Assert.Equal(0, await TestAccounts.WithDbAsync(app, db => db.Set<AssignmentRule>().CountAsync(r => r.Title == "Negative" || r.Title == "Nothing" || r.Title == "Basis")));

        await (await comms.PutAsJsonAsync("/api/v1/learning/paths/999999999", new { title = "x", courseIds = new[] { course.Id } })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await comms.DeleteAsync("/api/v1/learning/rules/999999999")).AssertProblemAsync(HttpStatusCode.NotFound);
        var employee = await app.ApiClientAsync($"employee@{DemoCompany.Domain}");
        Assert.Equal(HttpStatusCode.Forbidden, (await employee.PostAsJsonAsync("/api/v1/learning/paths", new { title = "x", courseIds = new[] { course.Id } })).StatusCode);

        var browser = await app.SignedInAsync($"comms@{DemoCompany.Domain}");
        var form = await InwardApp.PostFormAsync(browser, "/learning/paths/new", new() { ["Title"] = "No courses" });
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("A path needs at least one course.", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await TestAccounts.WithDbAsync(app, db => db.Set<LearningPath>().CountAsync()));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_rule_saved_through_the_api_assigns_its_path_at_once(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var (first, second) = (await CourseAsync(app), await CourseAsync(app));
        var (_, _, person) = await PersonAsync(app, department);
        var comms = await app.ApiClientAsync($"comms@{DemoCompany.Domain}");

        var created = await comms.PostAsJsonAsync("/api/v1/learning/paths", new { title = "Onboarding", description = "First weeks", courseIds = new[] { second.Id, first.Id } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var path = (await created.Content.ReadFromJsonAsync<PathResponse>())!;
        Assert.Equal([second.Id, first.Id], path.CourseIds);
        var rule = await comms.PostAsJsonAsync("/api/v1/learning/rules", new
        {
            title = "Department onboarding", pathId = path.Id, audience = Department(department), dueBasis = "AfterAssignment", dueDays = 21,
        });
        Assert.Equal(HttpStatusCode.Created, rule.StatusCode);

        // The app's own job worker evaluates the new rule within a poll.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<LearningAssignment> assigned;
        do
        {
            await Task.Delay(250);
            assigned = await AssignmentsAsync(app, person);
        }
        while (assigned.Count < 2 && DateTime.UtcNow < deadline);
        Assert.Equal(new[] { first.Id, second.Id }.Order(), assigned.Select(a => a.CourseId).Order());
        Assert.All(assigned, a => Assert.Equal((path.Id, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(21)), (a.PathId!.Value, a.DueDate!.Value)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_person_added_or_moved_on_the_people_pages_gets_the_rules_courses_without_waiting_for_the_daily_run(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (sales, service) = (await DepartmentAsync(app), await DepartmentAsync(app));
        var (salesCourse, serviceCourse) = (await CourseAsync(app), await CourseAsync(app));
        await RuleAsync(app, Department(sales), salesCourse.Id, days: 14);
        await RuleAsync(app, Department(service), serviceCourse.Id, days: 30);
        var hr = await app.SignedInAsync($"hr@{DemoCompany.Domain}");
        var email = $"hire-{Guid.NewGuid():N}@tests.example";
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Dictionary<string, string> Form(int department) => new()
        {
            ["Input.Name"] = "Nadia New", ["Input.Email"] = email, ["Input.DepartmentId"] = department.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.HireDate"] = today, ["Input.Language"] = "en", ["Input.IsActive"] = "true",
        };

        var added = await InwardApp.PostFormAsync(hr, "/people/new", Form(sales));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var person = await TestAccounts.WithDbAsync(app, db => db.Employees.Where(e => e.Email == email).Select(e => e.Id).SingleAsync());
        // The app's own job worker runs the evaluation the save queued, within a poll.
        var assigned = await WaitForAsync(app, person, a => a.Any(x => x.CourseId == salesCourse.Id && x.Status == AssignmentStatus.Open));
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(14), assigned.Single(a => a.CourseId == salesCourse.Id).DueDate);

        var moved = await InwardApp.PostFormAsync(hr, $"/people/{person}/edit", Form(service));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        assigned = await WaitForAsync(app, person, a => a.Any(x => x.CourseId == serviceCourse.Id && x.Status == AssignmentStatus.Open));
        Assert.Equal(AssignmentStatus.Cancelled, assigned.Single(a => a.CourseId == salesCourse.Id).Status);
    }

    private static async Task<List<LearningAssignment>> WaitForAsync(InwardApp app, int person, Func<List<LearningAssignment>, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        List<LearningAssignment> assigned;
        do
        {
            await Task.Delay(250);
            assigned = await AssignmentsAsync(app, person);
        }
        while (!done(assigned) && DateTime.UtcNow < deadline);
        Assert.True(done(assigned), $"The job worker did not evaluate the rules for employee {person} within 60 s.");
        return assigned;
    }
}
