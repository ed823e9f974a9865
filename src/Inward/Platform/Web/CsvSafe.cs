namespace Inward.Platform.Web;

/// <summary>
/// Writes CSV cells that a spreadsheet cannot run as formulas: a cell starting with =, +, -, @, tab or carriage
/// return gets a leading apostrophe (SECURITY.md, ASVS 1.2.10), and every cell is quoted per RFC 4180 when needed.
/// </summary>
public static class CsvSafe
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];
    private static readonly char[] NeedsQuotes = [',', '"', '\n', '\r'];

    /// <summary>One cell, defused and quoted if needed.</summary>
    public static string Cell(string? value)
    {
        value = Defuse(value);
        return value.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>A text a spreadsheet would run as a formula, with the leading apostrophe; other texts unchanged (null: empty).</summary>
    public static string Defuse(string? value) =>
        string.IsNullOrEmpty(value) ? "" : Array.IndexOf(FormulaStarts, value[0]) >= 0 ? "'" + value : value;

    /// <summary>One line of cells separated by commas, ending with CRLF.</summary>
    public static string Row(params IEnumerable<string?> cells)
    {
        return string.Join(',', cells.Select(Cell)) + "\r\n";
    }
}
