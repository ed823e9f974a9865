using Inward.Features.Audiences;
using Inward.Features.People;
using Inward.Platform.Audit;
using Inward.Platform.Cli;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Inward.Features.Listening;

/// <summary>
/// `seed-survey [--departments N] [--items N] [--seed S]`: a closed anonymous survey answered by every active employee,
/// for the results benchmark (issue 7: 10,000 respondents × 30 items, heatmap over 50 departments). The generated company
/// has about a dozen departments, so teams are added beneath them (and people moved into them) until there are N
/// departments (default 50); the survey has N items (default 30: Likert items in six dimensions, a few reverse-scored,
/// and one eNPS question). The launch snapshot, responses and answers are written as launch and submission would
/// write them (department, location and tenure band copied; no person on a response). Deterministic per seed.
/// </summary>
internal sealed class SeedSurveyCommand : ICliCommand
{
    public string Name => "seed-survey";
    public string Summary => "Generates a closed survey answered by every active employee, over N departments (deterministic for a given --seed), for benchmarks.";
    public string Usage => "seed-survey [--departments N] [--items N] [--seed S]";

    public const string Title = "Generated engagement survey";
    private const int PeoplePerBatch = 1000;
    private static readonly string[] Dimensions = ["Vision", "Development", "Rewards", "Communication", "Leadership", "Workload"];

    public async Task<int> RunAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        var (departmentCount, items) = (args.GetInt("departments") ?? 50, args.GetInt("items") ?? 30);
        if (departmentCount is < 1 or > 500 || items is < 2 or > 100)
        {
            await output.WriteLineAsync("--departments must be from 1 to 500 and --items from 2 to 100.");
            return 2;
        }
        var random = new Random(args.GetInt("seed") ?? 1);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        int surveyId;
        List<(int Id, int? DepartmentId, int? LocationId, DateOnly? HireDate)> people;
        List<SurveyQuestion> questions;
        await using (var scope = services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(null, "seed-survey command");
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            if (await db.Set<Survey>().AnyAsync(s => s.Title == Title, ct))
            {
                await output.WriteLineAsync("The generated survey already exists; nothing seeded.");
                return 0;
            }
            var departments = await db.Departments.OrderBy(d => d.Id).ToListAsync(ct);
            if (departments.Count == 0)
            {
                await output.WriteLineAsync("Seed a company first (seed --employees N, or --demo).");
                return 2;
            }
            // Teams beneath the existing departments, round robin, until there are enough.
            var parents = departments.ToList();
            for (var i = 0; departments.Count < departmentCount; i++)
            {
                var parent = parents[i % parents.Count];
                var team = new Department { Name = $"{parent.Name} team {i / parents.Count + 1}", ParentId = parent.Id };
                db.Departments.Add(team);
                departments.Add(team);
            }
            await db.SaveChangesAsync(ct);
            var teamsOf = departments.Where(d => d.ParentId is not null).GroupBy(d => d.ParentId!.Value).ToDictionary(g => g.Key, g => g.Select(d => d.Id).ToList());

            var employees = await db.Employees.Where(e => e.IsActive).OrderBy(e => e.Id).ToListAsync(ct);
            foreach (var e in employees)
            {
                // Half of a department's people move into its teams, spread evenly.
                if (e.DepartmentId is { } d && teamsOf.TryGetValue(d, out var teams) && random.Next(2) == 0)
                {
                    e.DepartmentId = teams[random.Next(teams.Count)];
                }
            }
            await db.SaveChangesAsync(ct);
            people = [.. employees.Select(e => (e.Id, e.DepartmentId, e.LocationId, e.HireDate))];

            var survey = new Survey
            {
                Title = Title, Description = "Generated for load tests.", IsAnonymous = true, AudienceJson = AudienceRule.EveryoneInternal().ToJson(),
                Status = SurveyStatus.Closed, CreatedByUserId = "seed", CreatedUtc = now.AddDays(-30), LaunchedUtc = now.AddDays(-30), OpensUtc = now.AddDays(-30),
                ClosesUtc = now.AddDays(-1), ClosedUtc = now.AddDays(-1),
            };
            db.Add(survey);
            await db.SaveChangesAsync(ct);
            surveyId = survey.Id;
            var section = new SurveySection { SurveyId = surveyId, Order = 0, Title = "Generated" };
            db.Add(section);
            await db.SaveChangesAsync(ct);
            questions = [.. Enumerable.Range(0, items).Select(i => i == items - 1
                ? new SurveyQuestion { SurveyId = surveyId, SectionId = section.Id, Order = i, Kind = QuestionKind.Scale0To10, Text = "How likely are you to recommend us as an employer?", Required = true }
                : new SurveyQuestion
                {
                    SurveyId = surveyId, SectionId = section.Id, Order = i, Kind = QuestionKind.Likert5, Text = $"Generated statement {i + 1:D2}.",
                    Dimension = Dimensions[i % Dimensions.Length], Reverse = i % 7 == 3, Required = true,
                })];
            db.AddRange(questions);
            await db.SaveChangesAsync(ct);
        }

        var launchDay = DateOnly.FromDateTime(now.AddDays(-30));
        var mood = new Dictionary<int, double>();
        var answers = 0;
        foreach (var batch in people.Chunk(PeoplePerBatch))
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(null, "seed-survey command");
            var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            foreach (var (id, department, location, hired) in batch)
            {
                var band = TenureBands.Of(hired, launchDay);
                db.Add(new SurveyMember { SurveyId = surveyId, EmployeeId = id, DepartmentId = department, LocationId = location, TenureBand = band });
                db.Add(new SurveyParticipation { SurveyId = surveyId, EmployeeId = id });
                var response = new SurveyResponse { Id = Guid.NewGuid(), SurveyId = surveyId, DepartmentId = department, LocationId = location, TenureBand = band };
                db.Add(response);
                // Each department leans its own way, so the heatmap has something to show.
                var lean = mood.TryGetValue(department ?? 0, out var m) ? m : mood[department ?? 0] = random.NextDouble() * 1.6 - 0.8;
                foreach (var q in questions)
                {
                    var value = q.Kind == QuestionKind.Scale0To10
                        ? Math.Clamp((int)Math.Round(7 + 2 * lean + random.NextDouble() * 4 - 2), 0, 10)
                        : Math.Clamp((int)Math.Round(3.4 + (q.Reverse ? -lean : lean) + random.NextDouble() * 2.4 - 1.2), 1, 5);
                    db.Add(new SurveyAnswer { ResponseId = response.Id, QuestionId = q.Id, Value = value });
                    answers++;
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
        await output.WriteLineAsync($"Seeded survey {surveyId} with {questions.Count} items: {people.Count} respondents, {answers} answers, " +
            $"{people.Select(p => p.DepartmentId).Distinct().Count()} departments with people in {started.Elapsed.TotalSeconds:0.0} s.");
        return 0;
    }
}
