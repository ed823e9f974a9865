using Inward.Features.Audiences;
using Inward.Features.Listening;
using Inward.Platform.Audit;
using Inward.Platform.Data;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Listening;

/// <summary>
/// The results' respondent arrays on both databases: the database packs each response's answers into one string
/// (SurveyResultData.LoadAsync), so every kind of stored answer must come back to its own respondent exactly as stored.
/// </summary>
public sealed class SurveyResultDataTests(Apps apps) : IntegrationTest(apps)
{
    [Theory, MemberData(nameof(Providers))]
    public async Task Every_respondent_gets_back_exactly_the_answers_stored_for_them(DatabaseProvider provider)
    {
        var app = await App(provider);
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(null, "test");
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var survey = new Survey
        {
            Title = Unique("Packed"), IsAnonymous = true, AudienceJson = AudienceRule.EveryoneInternal().ToJson(), Status = SurveyStatus.Closed,
            CreatedByUserId = "test", CreatedUtc = DateTime.UtcNow,
        };
        db.Add(survey);
        await db.SaveChangesAsync();
        var section = new SurveySection { SurveyId = survey.Id, Order = 0, Title = "All" };
        db.Add(section);
        await db.SaveChangesAsync();
        QuestionKind[] kinds = [QuestionKind.Likert5, QuestionKind.Scale0To10, QuestionKind.SingleChoice, QuestionKind.MultipleChoice, QuestionKind.Ranking, QuestionKind.FreeText];
        var questions = kinds.Select((kind, i) => new SurveyQuestion { SurveyId = survey.Id, SectionId = section.Id, Order = i, Kind = kind, Text = $"Q{i}" }).ToList();
        // Answered, but not among the questions asked for (as the service-quality items are left out of the results).
        var leftOut = new SurveyQuestion { SurveyId = survey.Id, SectionId = section.Id, Order = 9, Kind = QuestionKind.Likert5, Text = "Left out" };
        db.AddRange([.. questions, leftOut]);
        await db.SaveChangesAsync();
        var (likert, scale, single, multiple, ranking, text) = (questions[0].Id, questions[1].Id, questions[2].Id, questions[3].Id, questions[4].Id, questions[5].Id);

        var answered = new SurveyResponse { Id = Guid.NewGuid(), SurveyId = survey.Id, DepartmentId = 3, LocationId = 2, TenureBand = TenureBand.ThreeToFiveYears };
        var zeros = new SurveyResponse { Id = Guid.NewGuid(), SurveyId = survey.Id, TenureBand = TenureBand.UnderOneYear };
        var skipped = new SurveyResponse { Id = Guid.NewGuid(), SurveyId = survey.Id, DepartmentId = 4 };
        db.AddRange(answered, zeros, skipped);
        db.AddRange(
            new SurveyAnswer { ResponseId = answered.Id, QuestionId = likert, Value = 4 },
            new SurveyAnswer { ResponseId = answered.Id, QuestionId = scale, Value = 10 },
            new SurveyAnswer { ResponseId = answered.Id, QuestionId = single, Value = 2 },
            new SurveyAnswer { ResponseId = answered.Id, QuestionId = multiple, Choices = "0,2" },
            new SurveyAnswer { ResponseId = answered.Id, QuestionId = ranking, Choices = "2,0,1" },
            new SurveyAnswer { ResponseId = answered.Id, QuestionId = text, Text = "Fine: really; mostly." },
            new SurveyAnswer { ResponseId = answered.Id, QuestionId = leftOut.Id, Value = 1 },
            new SurveyAnswer { ResponseId = zeros.Id, QuestionId = scale, Value = 0 },
            new SurveyAnswer { ResponseId = zeros.Id, QuestionId = single, Value = 0 },
            new SurveyAnswer { ResponseId = zeros.Id, QuestionId = multiple, Choices = "1" });
        await db.SaveChangesAsync();

        var data = await SurveyResultData.LoadAsync(db, survey.Id, questions, true, default);

        Assert.Equal(3, data.Count);
        Assert.False(data.Present.ContainsKey(leftOut.Id));
        int At(SurveyResponse r) => Array.IndexOf(data.Ids, r.Id);
        var (a, z, s) = (At(answered), At(zeros), At(skipped));
        Assert.Equal([3, null, 4], new[] { data.DepartmentIds[a], data.DepartmentIds[z], data.DepartmentIds[s] });
        Assert.Equal([2, null, null], new[] { data.LocationIds[a], data.LocationIds[z], data.LocationIds[s] });
        Assert.Equal([TenureBand.ThreeToFiveYears, TenureBand.UnderOneYear, null], new[] { data.Bands[a], data.Bands[z], data.Bands[s] });

        Assert.All(questions, q => Assert.True(data.Present[q.Id][a]));
        Assert.Equal([4, 10, 2, SurveyResultData.NoValue, SurveyResultData.NoValue, SurveyResultData.NoValue], questions.Select(q => data.Values[q.Id][a]));
        Assert.Equal(new List<string?> { "0,2", "2,0,1" }, [data.Choices[multiple][a], data.Choices[ranking][a]]);

        Assert.Equal([false, true, true, true, false, false], questions.Select(q => data.Present[q.Id][z]));
        Assert.Equal([SurveyResultData.NoValue, 0, 0, SurveyResultData.NoValue], questions.Take(4).Select(q => data.Values[q.Id][z]));
        Assert.Equal(new List<string?> { "1", null }, [data.Choices[multiple][z], data.Choices[ranking][z]]);

        Assert.All(questions, q => Assert.False(data.Present[q.Id][s]));
        Assert.All(questions, q => Assert.Equal(SurveyResultData.NoValue, data.Values[q.Id][s]));

        var texts = await data.TextsAsync(db, survey.Id, [text], default);
        Assert.Equal(new List<string?> { "Fine: really; mostly.", null, null }, [texts[text][a], texts[text][z], texts[text][s]]);

        // Before answers may be shown: the same respondents, and nothing of what they answered.
        var early = await SurveyResultData.LoadAsync(db, survey.Id, questions, false, default);
        Assert.Equal(data.Ids.Order(), early.Ids.Order());
        Assert.Empty(early.Present);
        Assert.Empty(early.Values);
    }
}
