using Inward.Features.Audiences;
using Inward.Features.InternalCustomers;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening;

/// <summary>
/// Brightwheel Cycles' last internal service quality survey, closed: Customer Service, Logistics and Field Service rated
/// the departments that serve them. Customer Service and Logistics answered well; only three people of Field Service did,
/// so its column is suppressed (and, by complementary suppression, a few neighbouring cells). IT is rated lowest, so it is
/// the weakest link of the chains that start with it. Generated from a fixed seed; it closed before the autumn survey, so
/// the "latest survey" metrics of Listening keep reading that one.
/// </summary>
internal sealed class ServiceQualityDemoContent(TimeProvider clock) : IDemoContent
{
    public const string Title = "Internal service quality: how we serve the front line";

    private static readonly string[] Raters = ["Customer Service", "Logistics", "Field Service"];

    /// <summary>How many people of a department answer at most (the rest were asked and did not answer).</summary>
    private static readonly Dictionary<string, int> Answering = new(StringComparer.Ordinal) { ["Field Service"] = 3 };

    /// <summary>How each serving department comes across, added to a person's attitude (on the 7-point scale).</summary>
    private static readonly Dictionary<string, double> Reputation = new(StringComparer.Ordinal)
    {
        ["IT"] = -1.3, ["HR"] = 0.1, ["Logistics"] = -0.4, ["Customer Service"] = 0.3, ["Production"] = 0.5, ["Field Service"] = 0.6,
    };

    public string Name => "internal service quality survey";
    public int Order => 85;

    public async Task<bool> SeedAsync(InwardDbContext db, CancellationToken ct)
    {
        if (await db.Set<Survey>().AnyAsync(s => s.TemplateKey == ServiceQualityTemplate.Key, ct) || !await db.Set<ServiceEdge>().AnyAsync(ct))
        {
            return false;
        }
        var hr = $"hr@{DemoCompany.Domain}".ToUpperInvariant();
        var creator = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == hr).Select(u => u.Id).SingleOrDefaultAsync(ct);
        var departments = await db.Departments.AsNoTracking().Where(d => Raters.Contains(d.Name)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        if (creator is null || departments.Count == 0)
        {
            return false;
        }
        var people = await db.Employees.AsNoTracking().Where(e => e.IsActive && e.DepartmentId != null && departments.Keys.Contains(e.DepartmentId!.Value))
            .Select(e => new { e.Id, DepartmentId = e.DepartmentId!.Value, e.LocationId }).OrderBy(e => e.Id).ToListAsync(ct);
        var edges = await db.Set<ServiceEdge>().AsNoTracking().Select(e => new { e.FromDepartmentId, e.ToDepartmentId, From = e.FromDepartment!.Name })
            .ToListAsync(ct);
        var serving = edges.Select(e => (e.FromDepartmentId, e.From)).Distinct().OrderBy(e => e.From, StringComparer.Ordinal).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var (opens, closes) = (now.AddDays(-90), now.AddDays(-76));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var audience = new AudienceRule { Include = [new AudienceClause { Departments = [.. departments.Keys.Order().Select(id => new DepartmentChoice { Id = id })] }] };
        var survey = new Survey
        {
            Title = Title, Description = ServiceQualityTemplate.Template.Description, IsAnonymous = true, AudienceJson = audience.ToJson(),
            Status = SurveyStatus.Closed, OpensUtc = opens, ClosesUtc = closes, TemplateKey = ServiceQualityTemplate.Key, CreatedByUserId = creator,
            CreatedUtc = opens.AddDays(-2), LaunchedUtc = opens, ClosedUtc = closes,
        };
        db.Add(survey);
        await db.SaveChangesAsync(ct);
        var order = 0;
        var blocks = ServiceQualityTemplate.Blocks(SurveyAuthoring.SectionsOf(ServiceQualityTemplate.Template), serving);
        for (var i = 0; i < blocks.Count; i++)
        {
            var s = blocks[i];
            var section = new SurveySection { SurveyId = survey.Id, Order = i, Title = s.Title, TitleAr = s.TitleAr, TitlePl = s.TitlePl };
            db.Add(section);
            await db.SaveChangesAsync(ct);
            db.AddRange(s.Questions.Select(q => new SurveyQuestion
            {
                SurveyId = survey.Id, SectionId = section.Id, Order = order++, Kind = q.Kind, Text = q.Text, TextAr = q.TextAr, TextPl = q.TextPl,
                Dimension = q.Dimension, Required = q.Required, AboutDepartmentId = q.AboutDepartmentId, IsExpectation = q.IsExpectation,
            }));
        }
        await db.SaveChangesAsync(ct);
        db.AddRange(people.Select(p => new SurveyMember { SurveyId = survey.Id, EmployeeId = p.Id, DepartmentId = p.DepartmentId, LocationId = p.LocationId }));
        await ServiceMapSnapshot.TakeAsync(db, survey.Id, survey.Id, ct);

        var questions = await db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.SurveyId == survey.Id).ToListAsync(ct);
        var names = serving.ToDictionary(s => s.FromDepartmentId, s => s.From);
        var random = new Random(2027);
        var answered = new Dictionary<int, int>();
        foreach (var person in people)
        {
            var department = departments[person.DepartmentId];
            if (person.Id % 5 == 0 || answered.GetValueOrDefault(person.DepartmentId) >= Answering.GetValueOrDefault(department, int.MaxValue))
            {
                continue;
            }
            answered[person.DepartmentId] = answered.GetValueOrDefault(person.DepartmentId) + 1;
            var suppliers = edges.Where(e => e.ToDepartmentId == person.DepartmentId).Select(e => e.FromDepartmentId).ToHashSet();
            db.Add(new SurveyParticipation { SurveyId = survey.Id, EmployeeId = person.Id });
            var response = new SurveyResponse { Id = Guid.NewGuid(), SurveyId = survey.Id, DepartmentId = person.DepartmentId, LocationId = person.LocationId };
            db.Add(response);
            var attitude = Normal(random);
            var givesExpectations = random.Next(3) > 0;
            foreach (var q in questions.Where(q => suppliers.Contains(q.AboutDepartmentId!.Value)))
            {
                double score = q.IsExpectation
                    ? 6.1 + 0.6 * Normal(random)
                    : 4.8 + Reputation.GetValueOrDefault(names[q.AboutDepartmentId!.Value]) + 0.8 * attitude + 0.6 * Normal(random);
                if (q.IsExpectation && !givesExpectations)
                {
                    continue;
                }
                db.Add(new SurveyAnswer { ResponseId = response.Id, QuestionId = q.Id, Value = Math.Clamp((int)Math.Round(score), 1, 7) });
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
