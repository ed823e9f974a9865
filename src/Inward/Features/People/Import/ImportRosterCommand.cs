using System.Globalization;
using Inward.Platform.Audit;
using Inward.Platform.Cli;

namespace Inward.Features.People.Import;

/// <summary>`import-roster FILE [--dry-run] [--deactivate-missing]`: the roster import without the browser.</summary>
public sealed class ImportRosterCommand : ICliCommand
{
    public const string Actor = "command line";

    private static readonly string[] Flags = ["dry-run", "deactivate-missing"];

    public string Name => "import-roster";
    public string Summary => "Imports people from a CSV roster file, all rows or none.";
    public string Usage =>
        """
        import-roster FILE [--dry-run] [--deactivate-missing]

          FILE                  CSV with a header row; name and email columns are required.
          --dry-run             Check the file and show what would change, without changing anything.
          --deactivate-missing  Also deactivate active people who are not in the file.

        Exit status: 0 done (or the dry run found no problem), 1 the file has problems and nothing changed,
        2 wrong usage.
        """;

    public async Task<int> RunAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        if (args.Has("help"))
        {
            await output.WriteLineAsync($"{Summary}\n\nUsage: {Usage}");
            return 0;
        }
        var unknown = args.OptionNames.Where(o => !Flags.Contains(o, StringComparer.OrdinalIgnoreCase)).ToList();
        // A flag directly followed by the file name takes it as its value; it is still the file.
        var files = args.Positional.Concat(Flags.Select(args.Get).OfType<string>()).ToList();
        if (unknown.Count > 0 || files.Count != 1)
        {
            if (unknown.Count > 0)
            {
                await output.WriteLineAsync($"Unknown option: --{string.Join(", --", unknown)}");
            }
            await output.WriteLineAsync($"Usage: {Usage}");
            return 2;
        }
        var path = files[0];
        if (!File.Exists(path))
        {
            await output.WriteLineAsync($"File not found: {path}");
            return 2;
        }
        if (new FileInfo(path).Length > RosterFileReader.MaxBytes)
        {
            await output.WriteLineAsync("Problems found; nothing was changed.");
            await output.WriteLineAsync("  The file is larger than 10 MB. Split it into smaller files.");
            return 1;
        }

        var dryRun = args.Has("dry-run");
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentActor>().ActAs(null, Actor);
        var importer = scope.ServiceProvider.GetRequiredService<RosterImporter>();
        var started = System.Diagnostics.Stopwatch.StartNew();
        var cpu = Environment.CpuUsage.TotalTime;
        var result = await importer.RunAsync(new RosterImportRequest(
            await File.ReadAllBytesAsync(path, ct),
            RosterUploads.CleanFileName(path),
            DeactivateMissing: args.Has("deactivate-missing"),
            Apply: !dryRun,
            RecordDryRun: dryRun), ct);
        await RosterReport.WriteAsync(output, result, dryRun);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Took {started.Elapsed.TotalSeconds:0.00} s ({(Environment.CpuUsage.TotalTime - cpu).TotalSeconds:0.00} s of processor time)."));
        return result.Plan.IsValid ? 0 : 1;
    }
}

/// <summary>The plain-text report of an import, for the command line.</summary>
public static class RosterReport
{
    private const int ListLimit = 50;

    public static async Task WriteAsync(TextWriter output, RosterImportResult result, bool dryRun)
    {
        var plan = result.Plan;
        if (result.File is { } file)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Read {file.Lines.Count} rows ({file.EncodingName}, separated by '{(file.Delimiter == '\t' ? "tab" : file.Delimiter.ToString())}')."));
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Create: {plan.Creates.Count}  Update: {plan.Updates.Count}  Deactivate: {plan.Deactivations.Count}  Unchanged: {plan.UnchangedRows.Count}  Problems: {plan.Problems.Count}"));
        if (!plan.IsValid)
        {
            await output.WriteLineAsync("Problems found; nothing was changed.");
            foreach (var problem in plan.Problems)
            {
                await output.WriteLineAsync($"  {problem}");
            }
            return;
        }
        foreach (var u in plan.Updates.Take(ListLimit))
        {
            var changes = string.Join("; ", u.Changes.Select(c => $"{ColumnMap.Label(c.Field)}: {Show(c.Before)} -> {Show(c.After)}"));
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  Row {u.Row}: update {u.Person.Email}: {changes}"));
        }
        if (plan.Updates.Count > ListLimit)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ... and {plan.Updates.Count - ListLimit} more updates."));
        }
        foreach (var d in plan.Deactivations.Take(ListLimit))
        {
            await output.WriteLineAsync($"  Deactivate {d.Name} <{d.Email}>{(d.HasAccount ? " (their account is signed out)" : "")}");
        }
        if (plan.Deactivations.Count > ListLimit)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  ... and {plan.Deactivations.Count - ListLimit} more deactivations."));
        }
        await output.WriteLineAsync(dryRun ? "Dry run: nothing was changed." : "Applied.");
    }

    private static string Show(string value) => value.Length == 0 ? "(none)" : value;
}
