using System.Text.Json;

namespace Inward.Features.Admin;

/// <summary>One field of an audit entry: its value before and after (null when absent on that side).</summary>
public sealed record FieldChange(string Field, string? Before, string? After);

/// <summary>Turns the before/after JSON of an audit entry into a readable list of fields. Pure, unit-tested.</summary>
public static class AuditChanges
{
    /// <summary>The name used for a value that is not an object of fields (an array, a number...).</summary>
    public const string WholeValue = "";

    public static IReadOnlyList<FieldChange> Fields(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        var names = b.Keys.Concat(a.Keys).Distinct(StringComparer.Ordinal);
        return names.Select(n => new FieldChange(n, b.GetValueOrDefault(n), a.GetValueOrDefault(n))).ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return fields;
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in doc.RootElement.EnumerateObject())
                {
                    fields[p.Name] = Text(p.Value);
                }
            }
            else
            {
                fields[WholeValue] = Text(doc.RootElement);
            }
        }
        catch (JsonException)
        {
            fields[WholeValue] = json;
        }
        return fields;
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(v => Text(v) ?? "null")),
        _ => value.GetRawText(),
    };
}
