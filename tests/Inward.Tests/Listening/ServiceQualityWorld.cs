using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Inward.Features.InternalCustomers;
using Inward.Features.Listening;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Listening;

/// <summary>A person of the test world: their e-mail, employee id and user id.</summary>
internal sealed record IsqPerson(string Email, int EmployeeId, string UserId);

/// <summary>
/// A small internal-customer map for internal service quality tests: A serves the front-line department B (5 people) and
/// C (2 people); D serves B; C serves B too, so A → C → B is a chain. An ISQ survey from the template asks B and C, launched.
/// </summary>
internal sealed record ServiceQualityWorld(int Survey, int A, string AName, int D, string DName, int B, string BName, int C, string CName,
    IReadOnlyList<IsqPerson> BPeople, IReadOnlyList<IsqPerson> CPeople, IReadOnlyList<SurveyQuestion> Questions)
{
    public const string Hr = $"hr@{DemoCompany.Domain}";

    public IEnumerable<SurveyQuestion> Block(int department, bool expectation = false) =>
        Questions.Where(q => q.AboutDepartmentId == department && q.IsExpectation == expectation);

    public static async Task<ServiceQualityWorld> BuildAsync(InwardApp app, int bCount = 5, int cCount = 2)
    {
        await TestAccounts.WithDbAsync(app, async db =>
        {
            (await db.CompanySettings.SingleAsync()).AnonymityThreshold = 5;
            return await db.SaveChangesAsync();
        });
        var (a, aName) = await DepartmentAsync(app, "A");
        var (d, dName) = await DepartmentAsync(app, "D");
        var (b, bName) = await DepartmentAsync(app, "B");
        var (c, cName) = await DepartmentAsync(app, "C");
        var bPeople = await PeopleAsync(app, b, bCount, frontline: true);
        var cPeople = await PeopleAsync(app, c, cCount, frontline: false);
        await TestAccounts.WithDbAsync(app, async db =>
        {
            var now = DateTime.UtcNow;
            foreach (var (from, to) in new[] { (a, b), (a, c), (d, b), (c, b) })
            {
                db.Set<ServiceEdge>().Add(new ServiceEdge { FromDepartmentId = from, ToDepartmentId = to, Delivers = "Help", CreatedUtc = now, UpdatedUtc = now });
            }
            return await db.SaveChangesAsync();
        });
        var hr = await app.ApiClientAsync(Hr);
        var created = await hr.PostAsJsonAsync("/api/v1/surveys", new
        {
            template = ServiceQualityTemplate.Key,
            audience = new { include = new[] { new { departments = new[] { new { id = b, includeSubDepartments = true }, new { id = c, includeSubDepartments = true } } } } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt32();
        Assert.Equal(HttpStatusCode.OK, (await hr.PostAsync($"/api/v1/surveys/{id}/launch", null)).StatusCode);
        var questions = await TestAccounts.WithDbAsync(app, db => db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.SurveyId == id).OrderBy(q => q.Order).ToListAsync());
        return new(id, a, aName, d, dName, b, bName, c, cName, bPeople, cPeople, questions);
    }

    /// <summary>Every perception item of the block answered with <paramref name="perception"/>, every expectation item with <paramref name="expectation"/> (null: skipped).</summary>
    public IEnumerable<AnswerInput> Answers(int department, int perception, int? expectation = null) =>
        Block(department).Select(q => new AnswerInput(q.Id, Value: perception))
            .Concat(expectation is { } e ? Block(department, expectation: true).Select(q => new AnswerInput(q.Id, Value: e)) : []);

    /// <summary>Submits through the service, as the page would (many respondents, quickly).</summary>
    public async Task SubmitAsync(InwardApp app, IsqPerson person, IEnumerable<AnswerInput> answers)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, person.UserId)], "test"));
        var (outcome, errors) = await scope.ServiceProvider.GetRequiredService<SurveyResponding>().SubmitAsync(Survey, user, person.EmployeeId, [.. answers], default);
        Assert.True(outcome == SubmitOutcome.Submitted, string.Join("; ", errors.Select(e => e.Format())));
    }

    /// <summary>
    /// The standard answers: B's five rate A 7, 6, 5, 4, 3 (mean 5.0, 60 % favourable) expecting 6 (gap −1.0), D 2 and C 4
    /// without expectations; C's two rate A 7. Then HR closes the survey.
    /// </summary>
    public async Task AnswerAndCloseAsync(InwardApp app, bool close = true)
    {
        for (var i = 0; i < BPeople.Count; i++)
        {
            await SubmitAsync(app, BPeople[i], [.. Answers(A, 7 - (i % 5), 6), .. Answers(D, 2), .. Answers(C, 4)]);
        }
        foreach (var person in CPeople)
        {
            await SubmitAsync(app, person, Answers(A, 7));
        }
        if (close)
        {
            Assert.Equal(HttpStatusCode.OK, (await (await app.ApiClientAsync(Hr)).PostAsync($"/api/v1/surveys/{Survey}/close", null)).StatusCode);
        }
    }

    public static async Task<(int Id, string Name)> DepartmentAsync(InwardApp app, string label, int? parent = null) =>
        await TestAccounts.WithDbAsync(app, async db =>
        {
            var department = new Department { Name = $"ISQ {label} {Guid.NewGuid():N}"[..20], ParentId = parent };
            db.Departments.Add(department);
            await db.SaveChangesAsync();
            return (department.Id, department.Name);
        });

    public static async Task<List<IsqPerson>> PeopleAsync(InwardApp app, int department, int count, bool frontline = false, string[]? roles = null)
    {
        var people = new List<IsqPerson>();
        for (var i = 0; i < count; i++)
        {
            var (email, userId, employeeId) = await TestAccounts.CreateAsync(app, roles ?? [Roles.Employee]);
            await TestAccounts.WithDbAsync(app, async db =>
            {
                var employee = await db.Employees.SingleAsync(e => e.Id == employeeId);
                employee.DepartmentId = department;
                employee.IsFrontline = frontline;
                return await db.SaveChangesAsync();
            });
            people.Add(new(email, employeeId!.Value, userId));
        }
        return people;
    }
}
