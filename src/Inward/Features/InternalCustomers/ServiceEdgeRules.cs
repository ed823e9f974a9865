namespace Inward.Features.InternalCustomers;

/// <summary>What an editor sends for a service edge, from the page or the API.</summary>
public sealed class ServiceEdgeInput
{
    public int? FromDepartmentId { get; set; }
    public int? ToDepartmentId { get; set; }
    public string? Delivers { get; set; }
    public string? NeedsAndWants { get; set; }
    public string? Expectations { get; set; }
    public int? ServingOwnerId { get; set; }
    public int? ServedOwnerId { get; set; }
    public string? Notes { get; set; }
}

/// <summary>A problem with the input: the field, an English message key and its arguments.</summary>
public sealed record EdgeProblem(string Field, string Message, params object[] Args);

/// <summary>The checks that need no database: required fields, no self-edge, length limits.</summary>
public static class ServiceEdgeRules
{
    public const int DeliversMax = 500;
    public const int NeedsMax = 2000;
    public const int ExpectationsMax = 1000;
    public const int NotesMax = 2000;

    public static List<EdgeProblem> Validate(ServiceEdgeInput input)
    {
        var problems = new List<EdgeProblem>();
        if (input.FromDepartmentId is null)
        {
            problems.Add(new(nameof(input.FromDepartmentId), "Choose the serving department."));
        }
        if (input.ToDepartmentId is null)
        {
            problems.Add(new(nameof(input.ToDepartmentId), "Choose the served department."));
        }
        if (input.FromDepartmentId is { } from && from == input.ToDepartmentId)
        {
            problems.Add(new(nameof(input.ToDepartmentId), "A department cannot serve itself: choose two different departments."));
        }
        if (Clean(input.Delivers) is not { } delivers)
        {
            problems.Add(new(nameof(input.Delivers), "Say what the serving department delivers."));
        }
        else if (delivers.Length > DeliversMax)
        {
            problems.Add(new(nameof(input.Delivers), "What is delivered can have at most {0} characters.", DeliversMax));
        }
        Max(nameof(input.NeedsAndWants), input.NeedsAndWants, NeedsMax, "The needs and wants can have at most {0} characters.");
        Max(nameof(input.Expectations), input.Expectations, ExpectationsMax, "The service expectations can have at most {0} characters.");
        Max(nameof(input.Notes), input.Notes, NotesMax, "The notes can have at most {0} characters.");
        return problems;

        void Max(string field, string? text, int max, string message)
        {
            if (Clean(text)?.Length > max)
            {
                problems.Add(new(field, message, max));
            }
        }
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().ReplaceLineEndings("\n");
}
