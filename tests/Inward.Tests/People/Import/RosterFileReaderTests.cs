using System.Text;
using Inward.Features.People.Import;

namespace Inward.Tests.People.Import;

public sealed class RosterFileReaderTests
{
    static RosterFileReaderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static RosterFile ReadOk(byte[] content)
    {
        var result = RosterFileReader.Read(content);
        Assert.Empty(result.Problems);
        return Assert.IsType<RosterFile>(result.File);
    }

    private static string ReadError(byte[] content)
    {
        var result = RosterFileReader.Read(content);
        Assert.Null(result.File);
        return Assert.Single(result.Problems).Format();
    }

    private const string Names = "name,email\nŁukasz Wiśniewski,lukasz@x.example\nZoë Lefèvre,zoe@x.example\n";

    [Fact]
    public void Utf8_with_a_bom_is_read_with_correct_names()
    {
        var file = ReadOk([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(Names)]);

        Assert.Equal(["name", "email"], file.Headers);
        Assert.Equal("Łukasz Wiśniewski", file.Lines[0].Cells[0]);
        Assert.Equal("Zoë Lefèvre", file.Lines[1].Cells[0]);
        Assert.Equal("UTF-8", file.EncodingName);
    }

    [Fact]
    public void Utf8_without_a_bom_is_read_with_correct_names()
    {
        var file = ReadOk(Encoding.UTF8.GetBytes(Names));

        Assert.Equal("Łukasz Wiśniewski", file.Lines[0].Cells[0]);
        Assert.Equal("UTF-8", file.EncodingName);
    }

    [Fact]
    public void Windows_1252_is_detected_when_the_bytes_are_not_utf8()
    {
        var file = ReadOk(Encoding.GetEncoding(1252).GetBytes("name;email\nZoë Lefèvre;zoe@x.example\nFrançois Müller;f@x.example\n"));

        Assert.Equal("Zoë Lefèvre", file.Lines[0].Cells[0]);
        Assert.Equal("François Müller", file.Lines[1].Cells[0]);
        Assert.Equal("Windows-1252", file.EncodingName);
    }

    [Fact]
    public void Utf16_with_a_bom_is_read()
    {
        var file = ReadOk([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Names)]);

        Assert.Equal("Zoë Lefèvre", file.Lines[1].Cells[0]);
    }

    [Theory]
    [InlineData("name;email;department\nA;a@x.example;R&D\n", ';')]
    [InlineData("name,email,department\nA,a@x.example,R&D\n", ',')]
    [InlineData("name\temail\tdepartment\nA\ta@x.example\tR&D\n", '\t')]
    [InlineData("\"name, full\";email;department\nA;a@x.example;R&D\n", ';')]
    public void The_delimiter_is_sniffed_from_the_header(string csv, char delimiter)
    {
        var file = ReadOk(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(delimiter, file.Delimiter);
        Assert.Equal(["A", "a@x.example", "R&D"], file.Lines[0].Cells);
    }

    [Fact]
    public void Quoted_cells_may_hold_delimiters_quotes_and_line_breaks_and_rows_count_from_the_header()
    {
        var file = ReadOk(Encoding.UTF8.GetBytes("name,email\n\"Smith, Anna\",a@x.example\n\"Say \"\"hi\"\"\",b@x.example\r\n  \n\nC,c@x.example\n"));

        Assert.Equal(["Smith, Anna", "Say \"hi\"", "C"], file.Lines.Select(l => l.Cells[0]));
        Assert.Equal(2, file.Lines[0].Row);
        Assert.Equal(3, file.Lines[1].Row);
        Assert.True(file.Lines[2].Row > 3);
    }

    [Fact]
    public void Cells_are_trimmed_and_blank_lines_skipped()
    {
        var file = ReadOk(Encoding.UTF8.GetBytes("  name , email \n A , a@x.example \n,\n"));

        Assert.Equal(["name", "email"], file.Headers);
        Assert.Equal(["A", "a@x.example"], Assert.Single(file.Lines).Cells);
    }

    [Fact]
    public void A_png_renamed_to_csv_is_refused_as_an_image()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

        Assert.Equal("This is a PNG image, not a CSV file.", ReadError(png));
    }

    [Fact]
    public void A_zip_or_xlsx_renamed_to_csv_is_refused_with_advice()
    {
        byte[] zip = [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 8, 0];

        Assert.StartsWith("This is a ZIP archive (an Excel .xlsx workbook is one), not a CSV file.", ReadError(zip), StringComparison.Ordinal);
    }

    [Fact]
    public void Other_binary_content_is_refused()
    {
        Assert.StartsWith("This looks like a binary file", ReadError([1, 2, 3, 0, 5, 6, 7]), StringComparison.Ordinal);
        Assert.StartsWith("This looks like a binary file", ReadError(Encoding.UTF8.GetBytes("name,email\n\u0001\u0002,x\n")), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_a_delimited_header_is_refused()
    {
        Assert.StartsWith("The first line must be a header with column names separated by commas or semicolons",
            ReadError(Encoding.UTF8.GetBytes("Dear HR,\n")[..^2]), StringComparison.Ordinal);
        Assert.StartsWith("The first line must be a header", ReadError(Encoding.UTF8.GetBytes("just some words\nmore words\n")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("The file is empty.", ReadError([]));
        Assert.Equal("The file is empty.", ReadError(Encoding.UTF8.GetBytes("\n\n  \n")));
    }

    [Fact]
    public void A_file_over_10_mb_is_refused()
    {
        var big = new byte[RosterFileReader.MaxBytes + 1];

        Assert.Equal("The file is larger than 10 MB. Split it into smaller files.", ReadError(big));
    }

    [Fact]
    public void A_line_with_a_stray_quote_is_a_problem_on_that_row()
    {
        var result = RosterFileReader.Read(Encoding.UTF8.GetBytes("name,email\nA,a@x.example\nB\"ad,b@x.example\nC,c@x.example\n"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Row);
        Assert.Equal("This line is not valid CSV: check the quotation marks.", problem.Format());
        Assert.Equal(["A", "C"], result.File!.Lines.Select(l => l.Cells[0]));
    }
}
