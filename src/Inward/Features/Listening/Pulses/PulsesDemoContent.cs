using Inward.Features.Audiences;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening.Pulses;

/// <summary>
/// Brightwheel Cycles' monthly three-question pulse: three closed cycles and the current one open, so the trends page has
/// a line to draw. Answers come from a fixed seed and improve a little each month; HR and IT answer too little to be shown
/// in any cycle, and Logistics drops below the threshold in the second cycle, so its trend has a gap.
/// </summary>
internal sealed class PulsesDemoContent(TimeProvider clock) : IDemoContent
{
    public const string SeriesTitle = "Monthly three-question pulse";
    public const int OpenDays = 10;

    private static readonly Dictionary<string, int> SmallGroups = new(StringComparer.Ordinal) { ["HR"] = 4, ["IT"] = 3 };

    private static readonly QuestionInput[] Questions =
    [
        new(QuestionKind.Scale0To10, "How likely are you to recommend Brightwheel Cycles as a place to work?",
            "ما مدى احتمال أن توصي بشركة برايتويل سايكلز كمكان للعمل؟", "Jak bardzo prawdopodobne jest, że polecisz Brightwheel Cycles jako miejsce pracy?",
            Dimension: "eNPS"),
        new(QuestionKind.Likert5, "I know what is expected of me at work this month.", "أعرف ما هو متوقع مني في العمل هذا الشهر.",
            "Wiem, czego się ode mnie oczekuje w pracy w tym miesiącu.", Dimension: "Clarity"),
        new(QuestionKind.Likert5, "In the last month, someone recognised my work.", "في الشهر الماضي، قدّر أحدهم عملي.",
            "W ostatnim miesiącu ktoś docenił moją pracę.", Dimension: "Recognition"),
    ];

    public string Name => "pulses";
    public int Order => 81;

    public async Task<bool> SeedAsync(InwardDbContext db, CancellationToken ct)
    {
        if (await db.Set<SurveySeries>().AnyAsync(ct))
        {
            return false;
        }
        var hr = $"hr@{DemoCompany.Domain}".ToUpperInvariant();
        var creator = await db.Users.AsNoTracking().Where(u => u.NormalizedEmail == hr).Select(u => u.Id).SingleOrDefaultAsync(ct);
        if (creator is null)
        {
            return false;
        }
        var people = await db.Employees.AsNoTracking().Where(e => e.IsActive)
            .Select(e => new { e.Id, e.DepartmentId, e.LocationId, Department = e.Department!.Name }).OrderBy(e => e.Id).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // The current cycle opened two days ago; the first one three months before it.
        var anchor = new DateTime(now.Year, now.Month, now.Day, 8, 0, 0, DateTimeKind.Utc).AddDays(-2).AddMonths(-3);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var series = new SurveySeries { Cadence = PulseCadence.Monthly, OpenDays = OpenDays, CreatedByUserId = creator, CreatedUtc = anchor.AddDays(-1) };
        db.Add(series);
        await db.SaveChangesAsync(ct);
        var random = new Random(2027);
        for (var number = 1; number <= 4; number++)
        {
            var opens = PulseSchedule.PeriodStart(anchor, PulseCadence.Monthly, number - 1);
            var closes = opens.AddDays(OpenDays);
            var open = number == 4;
            var survey = new Survey
            {
                Title = SeriesTitle, Description = "Three questions, once a month, anonymous. Net Promoter®, NPS® and Net Promoter Score® are registered trademarks "
                    + "of Bain & Company, Inc., NICE Systems, Inc. and Fred Reichheld.",
                IsAnonymous = true, AudienceJson = AudienceRule.EveryoneInternal().ToJson(), Status = open ? SurveyStatus.Open : SurveyStatus.Closed,
                OpensUtc = opens, ClosesUtc = closes, CreatedByUserId = creator, CreatedUtc = opens, LaunchedUtc = opens, ClosedUtc = open ? null : closes,
            };
            db.Add(survey);
            await db.SaveChangesAsync(ct);
            db.Add(new SurveyCycle { SurveyId = survey.Id, SeriesId = series.Id, Number = number });
            var questions = Questions.Select((q, i) => new SurveyQuestion
            {
                SurveyId = survey.Id, Order = i, Kind = q.Kind, Text = q.Text, TextAr = q.TextAr, TextPl = q.TextPl, Dimension = q.Dimension, Required = true,
            }).ToList();
            db.AddRange(questions);
            db.AddRange(people.Select(p => new SurveyMember { SurveyId = survey.Id, EmployeeId = p.Id, DepartmentId = p.DepartmentId, LocationId = p.LocationId }));
            await db.SaveChangesAsync(ct);
            if (open)
            {
                continue;
            }
            var caps = new Dictionary<string, int>(SmallGroups, StringComparer.Ordinal);
            if (number == 2)
            {
                caps["Logistics"] = 4;
            }
            var answered = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var person in people)
            {
                var department = person.Department ?? "";
                if (random.NextDouble() < 0.3 || answered.GetValueOrDefault(department) >= caps.GetValueOrDefault(department, int.MaxValue))
                {
                    continue;
                }
                answered[department] = answered.GetValueOrDefault(department) + 1;
                db.Add(new SurveyParticipation { SurveyId = survey.Id, EmployeeId = person.Id });
                var response = new SurveyResponse { Id = Guid.NewGuid(), SurveyId = survey.Id, DepartmentId = person.DepartmentId, LocationId = person.LocationId };
                db.Add(response);
                // Things get a little better each month, so the trend rises.
                var attitude = Normal(random) + 0.15 * number;
                db.Add(new SurveyAnswer
                {
                    ResponseId = response.Id, QuestionId = questions[0].Id,
                    Value = Math.Clamp((int)Math.Round(6.8 + 1.9 * attitude + 0.8 * Normal(random)), 0, 10),
                });
                foreach (var q in questions.Skip(1))
                {
                    db.Add(new SurveyAnswer
                    {
                        ResponseId = response.Id, QuestionId = q.Id, Value = Math.Clamp((int)Math.Round(3.4 + 0.8 * attitude + 0.6 * Normal(random)), 1, 5),
                    });
                }
            }
            await db.SaveChangesAsync(ct);
        }
        await tx.CommitAsync(ct);
        return true;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
