using Inward.Platform.Web;

namespace Inward.Tests.Platform;

public sealed class CsvSafeTests
{
    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")]
    public void Cells_that_a_spreadsheet_would_run_as_formulas_are_defused(string value, string expected) =>
        Assert.Equal(expected, CsvSafe.Cell(value));

    [Fact]
    public void A_cell_starting_with_carriage_return_is_defused_and_quoted() =>
        Assert.Equal("\"'\r=1\"", CsvSafe.Cell("\r=1"));

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a=b", "a=b")]
    [InlineData("1-2", "1-2")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Ordinary_cells_are_left_alone(string? value, string expected) => Assert.Equal(expected, CsvSafe.Cell(value));

    [Theory]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Separators_quotes_and_line_breaks_are_quoted(string value, string expected) =>
        Assert.Equal(expected, CsvSafe.Cell(value));

    [Fact]
    public void A_row_joins_cells_with_commas_keeps_empty_cells_and_ends_with_crlf() =>
        Assert.Equal(",a,'=b,\"c,d\"\r\n", CsvSafe.Row(null, "a", "=b", "c,d"));
}
