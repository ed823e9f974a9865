using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace Inward.Features.People.Import;

/// <summary>One data line of the file: its row number (the header is row 1) and its trimmed cells.</summary>
public sealed record RosterLine(int Row, IReadOnlyList<string> Cells);

/// <summary>A parsed roster file: header, data lines, and the lines that are not valid CSV.</summary>
public sealed record RosterFile(
    IReadOnlyList<string> Headers,
    IReadOnlyList<RosterLine> Lines,
    char Delimiter,
    string EncodingName,
    IReadOnlyList<ImportProblem> Problems);

/// <summary>The file, or why it cannot be read at all.</summary>
public sealed record RosterReadResult(RosterFile? File, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Turns uploaded bytes into header and rows: refuses binary files and oversized ones, detects the encoding
/// (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252) and the delimiter (comma, semicolon or tab).
/// </summary>
public static class RosterFileReader
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>The request limit of the upload page: a little above <see cref="MaxBytes"/> for the multipart envelope.</summary>
    public const long UploadLimitBytes = MaxBytes + (1024 * 1024);

    private static readonly char[] Delimiters = [',', ';', '\t'];

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly Encoding Windows1252 = LoadWindows1252();

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    public static RosterReadResult Read(byte[] content)
    {
        if (content.LongLength > MaxBytes)
        {
            return Fail("The file is larger than 10 MB. Split it into smaller files.");
        }
        if (content.Length == 0)
        {
            return Fail("The file is empty.");
        }
        if (DescribeBinary(content) is { } binary)
        {
            return Fail(binary);
        }
        var (text, encodingName) = Decode(content);
        if (text.Any(c => char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
        {
            return Fail("This looks like a binary file, not a CSV file. Save the roster as CSV and try again.");
        }
        var headerLine = text.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
        if (headerLine is null)
        {
            return Fail("The file is empty.");
        }
        var delimiter = SniffDelimiter(headerLine);
        if (delimiter is null)
        {
            return Fail("The first line must be a header with column names separated by commas or semicolons, for example: name,email,department");
        }
        return Parse(text, delimiter.Value, encodingName);
    }

    private static RosterReadResult Fail(string template, params string[] args) =>
        new(null, [new ImportProblem(ImportProblem.WholeFile, template, args)]);

    /// <summary>Recognises common binary formats by their magic bytes, and anything else with NUL bytes.</summary>
    internal static string? DescribeBinary(ReadOnlySpan<byte> content) => content switch
    {
        [0xEF, 0xBB, 0xBF, ..] or [0xFF, 0xFE, ..] or [0xFE, 0xFF, ..] => null,
        [0x89, 0x50, 0x4E, 0x47, ..] => "This is a PNG image, not a CSV file.",
        [0xFF, 0xD8, 0xFF, ..] => "This is a JPEG image, not a CSV file.",
        [0x47, 0x49, 0x46, 0x38, ..] => "This is a GIF image, not a CSV file.",
        [0x25, 0x50, 0x44, 0x46, ..] => "This is a PDF document, not a CSV file.",
        [0x50, 0x4B, 0x03, 0x04, ..] or [0x50, 0x4B, 0x05, 0x06, ..] =>
            "This is a ZIP archive (an Excel .xlsx workbook is one), not a CSV file. Save the sheet as CSV and try again.",
        [0xD0, 0xCF, 0x11, 0xE0, ..] => "This is an old Office document (.xls or .doc), not a CSV file. Save the sheet as CSV and try again.",
        [0x1F, 0x8B, ..] => "This is a compressed (gzip) file, not a CSV file.",
        _ when content[..Math.Min(content.Length, 8192)].Contains((byte)0) =>
            "This looks like a binary file, not a CSV file. Save the roster as CSV and try again.",
        _ => null,
    };

    /// <summary>A BOM decides; otherwise strict UTF-8, and Windows-1252 when the bytes are not valid UTF-8.</summary>
    internal static (string Text, string EncodingName) Decode(byte[] content)
    {
        if (content is [0xEF, 0xBB, 0xBF, ..])
        {
            return (Encoding.UTF8.GetString(content, 3, content.Length - 3), "UTF-8");
        }
        if (content is [0xFF, 0xFE, ..])
        {
            return (Encoding.Unicode.GetString(content, 2, content.Length - 2), "UTF-16");
        }
        if (content is [0xFE, 0xFF, ..])
        {
            return (Encoding.BigEndianUnicode.GetString(content, 2, content.Length - 2), "UTF-16");
        }
        try
        {
            return (StrictUtf8.GetString(content), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Windows1252.GetString(content), "Windows-1252");
        }
    }

    /// <summary>The delimiter that occurs most often in the header outside quotes, if any does.</summary>
    internal static char? SniffDelimiter(string headerLine)
    {
        var counts = new Dictionary<char, int>();
        var quoted = false;
        foreach (var c in headerLine)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && Delimiters.Contains(c))
            {
                counts[c] = counts.GetValueOrDefault(c) + 1;
            }
        }
        return counts.Count == 0 ? null : counts.MaxBy(kv => kv.Value).Key;
    }

    private static RosterReadResult Parse(string text, char delimiter, string encodingName)
    {
        var problems = new List<ImportProblem>();
        var badRows = new HashSet<int>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = delimiter.ToString(),
            HasHeaderRecord = true,
            IgnoreBlankLines = true,
            DetectColumnCountChanges = false,
            MissingFieldFound = null,
            BadDataFound = args =>
            {
                var row = args.Context.Parser?.Row ?? 0;
                if (badRows.Add(row))
                {
                    problems.Add(new ImportProblem(row, "This line is not valid CSV: check the quotation marks."));
                }
            },
        };
        using var reader = new StringReader(text);
        using var parser = new CsvParser(reader, config);
        IReadOnlyList<string>? headers = null;
        var lines = new List<RosterLine>();
        try
        {
            while (parser.Read())
            {
                var cells = (parser.Record ?? []).Select(c => c.Trim()).ToArray();
                if (headers is null)
                {
                    headers = cells;
                    continue;
                }
                if (cells.All(c => c.Length == 0) || badRows.Contains(parser.Row))
                {
                    continue;
                }
                lines.Add(new RosterLine(parser.Row, cells));
            }
        }
        catch (CsvHelperException ex)
        {
            var row = ex.Context?.Parser?.Row ?? 0;
            return new(null, [new ImportProblem(row, "This line is not valid CSV: check the quotation marks.")]);
        }
        if (headers is null || headers.All(h => h.Length == 0))
        {
            return Fail("The file is empty.");
        }
        return new(new RosterFile(headers, lines, delimiter, encodingName, problems), problems);
    }
}
