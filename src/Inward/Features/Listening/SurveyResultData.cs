using System.Data;
using System.Data.Common;
using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inward.Features.Listening;

/// <summary>
/// A survey's responses as compact arrays indexed by respondent (0..Count−1), loaded once per results request: the launch
/// snapshot of each response (department, location, tenure band) and, per question, the answers. 10,000 respondents × 30
/// items are 300,000 answers; reading them through a plain data reader into arrays (instead of one tracked object per
/// answer, then set lookups per group) keeps a results page well under the 300 ms.
/// </summary>
internal sealed class SurveyResultData
{
    /// <summary>No numeric value (the answer is missing, or it is a choice list or text).</summary>
    public const int NoValue = int.MinValue;

    public required Guid[] Ids { get; init; }
    public required int?[] DepartmentIds { get; init; }
    public required int?[] LocationIds { get; init; }
    public required TenureBand?[] Bands { get; init; }
    /// <summary>Per question: which respondents answered it at all (a stored answer row).</summary>
    public Dictionary<int, bool[]> Present { get; } = [];
    /// <summary>Per question: the numeric answer (Likert, 0–10, single choice option index) or <see cref="NoValue"/>.</summary>
    public Dictionary<int, int[]> Values { get; } = [];
    /// <summary>Per multiple-choice or ranking question: the stored option list.</summary>
    public Dictionary<int, string?[]> Choices { get; } = [];

    public int Count => Ids.Length;

    /// <summary>The responses, and their answers when <paramref name="withAnswers"/> (only once answers may be shown).</summary>
    public static async Task<SurveyResultData> LoadAsync(InwardDbContext db, int surveyId, IReadOnlyList<SurveyQuestion> questions, bool withAnswers,
        CancellationToken ct)
    {
        var responses = await db.Set<SurveyResponse>().AsNoTracking().Where(r => r.SurveyId == surveyId)
            .Select(r => new { r.Id, r.DepartmentId, r.LocationId, r.TenureBand }).ToListAsync(ct);
        var data = new SurveyResultData
        {
            Ids = [.. responses.Select(r => r.Id)],
            DepartmentIds = [.. responses.Select(r => r.DepartmentId)],
            LocationIds = [.. responses.Select(r => r.LocationId)],
            Bands = [.. responses.Select(r => r.TenureBand)],
        };
        if (!withAnswers || responses.Count == 0)
        {
            return data;
        }
        var index = new Dictionary<Guid, int>(responses.Count);
        for (var i = 0; i < responses.Count; i++)
        {
            index[responses[i].Id] = i;
        }
        foreach (var q in questions)
        {
            data.Present[q.Id] = new bool[responses.Count];
            var values = new int[responses.Count];
            Array.Fill(values, NoValue);
            data.Values[q.Id] = values;
            if (q.Kind is QuestionKind.MultipleChoice or QuestionKind.Ranking)
            {
                data.Choices[q.Id] = new string?[responses.Count];
            }
        }
        await ReadAsync(db, """
            SELECT a."ResponseId", a."QuestionId", a."Value", a."Choices"
            FROM "SurveyAnswers" AS a INNER JOIN "SurveyResponses" AS r ON r."Id" = a."ResponseId"
            WHERE r."SurveyId" = @survey
            """, surveyId, (reader, textIds) =>
        {
            if (!index.TryGetValue(IdOf(reader, textIds), out var i) || !data.Present.TryGetValue(reader.GetInt32(1), out var present))
            {
                return;
            }
            var question = reader.GetInt32(1);
            present[i] = true;
            if (!reader.IsDBNull(2))
            {
                data.Values[question][i] = reader.GetInt32(2);
            }
            if (!reader.IsDBNull(3) && data.Choices.TryGetValue(question, out var choices))
            {
                choices[i] = reader.GetString(3);
            }
        }, ct);
        return data;
    }

    /// <summary>The written answers of free-text questions, by question and respondent (only for comment lists that will be shown).</summary>
    public async Task<Dictionary<int, string?[]>> TextsAsync(InwardDbContext db, int surveyId, IReadOnlyCollection<int> questionIds, CancellationToken ct)
    {
        var texts = questionIds.ToDictionary(q => q, _ => new string?[Count]);
        var index = new Dictionary<Guid, int>(Count);
        for (var i = 0; i < Count; i++)
        {
            index[Ids[i]] = i;
        }
        await ReadAsync(db, """
            SELECT a."ResponseId", a."QuestionId", a."Text"
            FROM "SurveyAnswers" AS a INNER JOIN "SurveyResponses" AS r ON r."Id" = a."ResponseId"
            WHERE r."SurveyId" = @survey AND a."Text" IS NOT NULL
            """, surveyId, (reader, textIds) =>
        {
            if (index.TryGetValue(IdOf(reader, textIds), out var i) && texts.TryGetValue(reader.GetInt32(1), out var list))
            {
                list[i] = reader.GetString(2);
            }
        }, ct);
        return texts;
    }

    /// <summary>
    /// The response id in the first column (<paramref name="text"/>: stored as text). SQLite stores GUIDs as text, and its reader's GetGuid is several times slower
    /// than parsing the string (it dominated a 300,000-answer read); PostgreSQL's uuid is read as a GUID directly.
    /// </summary>
    private static Guid IdOf(DbDataReader reader, bool text) => text ? Guid.Parse(reader.GetString(0)) : reader.GetGuid(0);

    /// <summary>Runs a read on the context's own connection (so it joins any transaction), opening and closing it if needed.</summary>
    private static async Task ReadAsync(InwardDbContext db, string sql, int surveyId, Action<DbDataReader, bool> row, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@survey";
            parameter.Value = surveyId;
            command.Parameters.Add(parameter);
            await using var reader = await command.ExecuteReaderAsync(ct);
            // Asked once: the column's type does not change from row to row.
            var textIds = reader.GetFieldType(0) == typeof(string);
            while (await reader.ReadAsync(ct))
            {
                row(reader, textIds);
            }
        }
        finally
        {
            if (opened)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
