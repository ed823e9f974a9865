using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Inward.Features.People.Import;

/// <summary>
/// Why an import cannot go ahead. <see cref="Template"/> is the English text and the localisation key; the values
/// fill its placeholders. <see cref="Row"/> is the line of the file (the header is row 1), or 0 for the whole file.
/// </summary>
public sealed record ImportProblem(int Row, string Template, params string[] Args)
{
    public const int WholeFile = 0;

    public string Format() => string.Format(CultureInfo.InvariantCulture, Template, Args);

    public string Format(IStringLocalizer t) => t[Template, [.. Args]];

    public override string ToString() => Row == WholeFile ? Format() : $"Row {Row}: {Format()}";
}
