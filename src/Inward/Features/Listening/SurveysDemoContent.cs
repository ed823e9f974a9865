using Inward.Features.Audiences;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening;

/// <summary>
/// Brightwheel Cycles' surveys: last quarter's eNPS + Internal Marketing Practices survey, closed, with generated anonymous
/// answers from about three quarters of the company (HR, IT and the Executive answered too little, so their results show as
/// suppressed), and this month's open market-orientation pulse. The answers come from a fixed seed, so every demo is the same.
/// </summary>
internal sealed class SurveysDemoContent(TimeProvider clock) : IDemoContent
{
    public const string ClosedTitle = "Autumn listening survey: eNPS and internal marketing";
    public const string PulseTitle = "Monthly pulse: do we listen to each other?";

    /// <summary>Departments that answer too little to be shown (fewer than the default k = 5).</summary>
    private static readonly Dictionary<string, int> SmallGroups = new(StringComparer.Ordinal) { ["HR"] = 4, ["IT"] = 3 };

    private static readonly string[] Comments =
    [
        "The new workshop layout made a real difference to our days.",
        "I would like to hear about changes before they reach the customers.",
        "Training on the e-bike systems came too late for the spring season.",
        "My team lead always finds time for a question.",
        "Recognition feels random: some wins are celebrated, others are not noticed.",
        "Proud of the bikes we build.",
        "Information between Logistics and Customer Service still gets lost.",
        "Flexible hours would help those of us with children.",
    ];

    public string Name => "surveys";
    public int Order => 80;

    public async Task<bool> SeedAsync(InwardDbContext db, CancellationToken ct)
    {
        if (await db.Set<Survey>().AnyAsync(ct))
        {
            return false;
        }
        var hr = $"hr@{DemoCompany.Domain}".ToUpperInvariant();
        var creator = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == hr)
            .Select(u => u.Id).SingleOrDefaultAsync(ct);
        if (creator is null)
        {
            return false;
        }
        var people = await db.Employees.AsNoTracking().Where(e => e.IsActive)
            .Select(e => new { e.Id, e.DepartmentId, e.LocationId, Department = e.Department!.Name }).OrderBy(e => e.Id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var enps = SurveyTemplates.Find("enps")!;
        var imp = SurveyTemplates.Find("internal-marketing")!;
        var closed = await CreateAsync(db, ClosedTitle, enps.Description + "\n\n" + imp.Description, "internal-marketing", creator,
            [.. enps.Sections, .. imp.Sections], now.AddDays(-60), now.AddDays(-46), SurveyStatus.Closed, ct);
        var pulse = SurveyTemplates.Find("market-orientation-pulse")!;
        var open = await CreateAsync(db, PulseTitle, pulse.Description, pulse.Key, creator, pulse.Sections, now.AddDays(-3), now.AddDays(11),
            SurveyStatus.Open, ct);
        foreach (var survey in new[] { closed, open })
        {
            db.AddRange(people.Select(p => new SurveyMember { SurveyId = survey.Id, EmployeeId = p.Id, DepartmentId = p.DepartmentId, LocationId = p.LocationId }));
        }

        var questions = await db.Set<SurveyQuestion>().AsNoTracking().Where(q => q.SurveyId == closed.Id).ToListAsync(ct);
        var random = new Random(2026);
        var answered = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            var department = person.Department ?? "";
            var cap = SmallGroups.GetValueOrDefault(department, int.MaxValue);
            if (person.Id % 4 == 0 || answered.GetValueOrDefault(department) >= cap)
            {
                continue;
            }
            answered[department] = answered.GetValueOrDefault(department) + 1;
            db.Add(new SurveyParticipation { SurveyId = closed.Id, EmployeeId = person.Id });
            var response = new SurveyResponse { Id = Guid.NewGuid(), SurveyId = closed.Id, DepartmentId = person.DepartmentId, LocationId = person.LocationId };
            db.Add(response);
            // One attitude per person drives all their answers, so the dimensions hang together (α around 0.8).
            var attitude = Normal(random) + (department is "Customer Service" or "Field Service" ? -0.3 : 0.2);
            foreach (var q in questions)
            {
                var answer = new SurveyAnswer { ResponseId = response.Id, QuestionId = q.Id };
                switch (q.Kind)
                {
                    case QuestionKind.Scale0To10:
                        answer.Value = Math.Clamp((int)Math.Round(7.2 + 1.9 * attitude + 0.8 * Normal(random)), 0, 10);
                        break;
                    case QuestionKind.Likert5:
                        var agreement = Math.Clamp((int)Math.Round(3.5 + 0.8 * attitude + 0.6 * Normal(random)), 1, 5);
                        answer.Value = q.Reverse ? SurveyStatistics.Reverse(agreement, 5) : agreement;
                        break;
                    case QuestionKind.FreeText when random.Next(3) == 0:
                        answer.Text = Comments[random.Next(Comments.Length)];
                        break;
                    default:
                        continue;
                }
                db.Add(answer);
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return true;
    }

    private static async Task<Survey> CreateAsync(InwardDbContext db, string title, string description, string template, string creator,
        IReadOnlyList<TemplateSection> sections, DateTime opens, DateTime closes, SurveyStatus status, CancellationToken ct)
    {
        var survey = new Survey
        {
            Title = title, Description = description, IsAnonymous = true, AudienceJson = AudienceRule.EveryoneInternal().ToJson(), Status = status,
            OpensUtc = opens, ClosesUtc = closes, TemplateKey = template, CreatedByUserId = creator, CreatedUtc = opens.AddDays(-2), LaunchedUtc = opens,
            ClosedUtc = status == SurveyStatus.Closed ? closes : null,
        };
        db.Add(survey);
        await db.SaveChangesAsync(ct);
        var order = 0;
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            var section = new SurveySection { SurveyId = survey.Id, Order = i, Title = s.Title, TitleAr = s.TitleAr, TitlePl = s.TitlePl };
            db.Add(section);
            await db.SaveChangesAsync(ct);
            db.AddRange(s.Questions.Select(q => new SurveyQuestion
            {
                SurveyId = survey.Id, SectionId = section.Id, Order = order++, Kind = q.Kind, Text = q.Text, TextAr = q.TextAr, TextPl = q.TextPl,
                Dimension = q.Dimension, Reverse = q.Reverse, Required = q.Required, Options = string.Join('\n', q.Options ?? []),
                OptionsAr = q.OptionsAr is null ? null : string.Join('\n', q.OptionsAr), OptionsPl = q.OptionsPl is null ? null : string.Join('\n', q.OptionsPl),
            }));
        }
        await db.SaveChangesAsync(ct);
        return survey;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
