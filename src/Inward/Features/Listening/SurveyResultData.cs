using System.Data;
using System.Data.Common;
using System.Globalization;
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
        var ids = new List<Guid>();
        var departmentIds = new List<int?>();
        var locationIds = new List<int?>();
        var bands = new List<TenureBand?>();
        var packed = new List<string?>();
        // One row per response with its answers packed by the database (see Unpack): 10,000 rows instead of 300,000. Reading
        // a row cost far more than the work done on it (SQLite's data reader calls, not its scan, took most of a cold results
        // request), so packing in SQL cut the load's CPU time to under half on SQLite, and a little on PostgreSQL. A join with
        // GROUP BY rather than a subquery per response: PostgreSQL costs the subqueries high enough to JIT-compile the query,
        // which alone took longer than the read. string_agg: PostgreSQL, and SQLite from 3.44 (the bundled e_sqlite3 is newer).
        var sql = withAnswers
            ? """
              SELECT r."Id", r."DepartmentId", r."LocationId", r."TenureBand",
                  string_agg(CAST(a."QuestionId" AS TEXT) || ':' || COALESCE(CAST(a."Value" AS TEXT), '') || ':' || COALESCE(a."Choices", ''), ';')
              FROM "SurveyResponses" AS r LEFT JOIN "SurveyAnswers" AS a ON a."ResponseId" = r."Id"
              WHERE r."SurveyId" = @survey
              GROUP BY r."Id"
              """
            : """
              SELECT r."Id", r."DepartmentId", r."LocationId", r."TenureBand", NULL
              FROM "SurveyResponses" AS r
              WHERE r."SurveyId" = @survey
              """;
        await ReadAsync(db, sql, surveyId, (reader, textIds) =>
        {
            ids.Add(IdOf(reader, textIds));
            departmentIds.Add(reader.IsDBNull(1) ? null : reader.GetInt32(1));
            locationIds.Add(reader.IsDBNull(2) ? null : reader.GetInt32(2));
            bands.Add(reader.IsDBNull(3) ? null : Enum.Parse<TenureBand>(reader.GetString(3)));
            packed.Add(reader.IsDBNull(4) ? null : reader.GetString(4));
        }, ct);
        var data = new SurveyResultData { Ids = [.. ids], DepartmentIds = [.. departmentIds], LocationIds = [.. locationIds], Bands = [.. bands] };
        if (!withAnswers || data.Count == 0)
        {
            return data;
        }
        foreach (var q in questions)
        {
            data.Present[q.Id] = new bool[data.Count];
            var values = new int[data.Count];
            Array.Fill(values, NoValue);
            data.Values[q.Id] = values;
            if (q.Kind is QuestionKind.MultipleChoice or QuestionKind.Ranking)
            {
                data.Choices[q.Id] = new string?[data.Count];
            }
        }
        for (var i = 0; i < data.Count; i++)
        {
            if (packed[i] is { } answers)
            {
                data.Unpack(i, answers);
            }
        }
        return data;
    }

    /// <summary>
    /// Respondent <paramref name="i"/>'s answers as the database packed them: "question:value:choices" per answer, joined by ';'
    /// (value or choices empty when NULL; choices are option numbers joined by ',', so neither separator occurs inside).
    /// </summary>
    private void Unpack(int i, ReadOnlySpan<char> answers)
    {
        foreach (var range in answers.Split(';'))
        {
            var answer = answers[range];
            var colon = answer.IndexOf(':');
            var question = int.Parse(answer[..colon], CultureInfo.InvariantCulture);
            if (!Present.TryGetValue(question, out var present))
            {
                continue;
            }
            present[i] = true;
            var rest = answer[(colon + 1)..];
            colon = rest.IndexOf(':');
            if (colon > 0)
            {
                Values[question][i] = int.Parse(rest[..colon], CultureInfo.InvariantCulture);
            }
            if (colon < rest.Length - 1 && Choices.TryGetValue(question, out var choices))
            {
                choices[i] = rest[(colon + 1)..].ToString();
            }
        }
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
