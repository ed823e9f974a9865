using Inward.Platform.Data;

namespace Inward.Platform.Cli;

/// <summary>A command of the executable, e.g. `import-roster FILE --dry-run`. Features register theirs in DI.</summary>
public interface ICliCommand
{
    string Name { get; }
    string Summary { get; }
    string Usage { get; }
    Task<int> RunAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct);
}

/// <summary>Positional values and --options of one command invocation.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<string> Positional { get; }

    public CliArguments(IReadOnlyList<string> args)
    {
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var name = args[i][2..];
                var hasValue = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                _options[name] = hasValue ? args[++i] : null;
            }
            else
            {
                positional.Add(args[i]);
            }
        }
        Positional = positional;
    }

    public bool Has(string option) => _options.ContainsKey(option);

    /// <summary>The --options given, so a command can refuse the ones it does not know.</summary>
    public IEnumerable<string> OptionNames => _options.Keys;

    public string? Get(string option) => _options.GetValueOrDefault(option);

    public int? GetInt(string option) =>
        int.TryParse(Get(option), System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
}

public static class CommandLine
{
    public static readonly string[] CommandNames = ["migrate", "import-roster", "token", "seed", "seed-posts", "seed-learning", "seed-survey", "help"];

    /// <summary>
    /// Splits the process arguments into the command (if any) and the arguments for the host configuration.
    /// `--demo` becomes `--Demo:Enabled=true`; in command mode only `--Key=Value` arguments reach the host.
    /// </summary>
    public static (string[]? Command, string[] HostArgs) Split(string[] args)
    {
        var rest = args.Select(a => a == "--demo" ? "--Demo:Enabled=true" : a).ToArray();
        if (rest.Length == 0 || !CommandNames.Contains(rest[0]))
        {
            return (null, rest);
        }
        var hostArgs = rest.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        var command = rest.Where(a => !hostArgs.Contains(a)).ToArray();
        return (command, hostArgs);
    }

    /// <summary>Runs the command, or migrates, seeds (with --demo) and serves the web application.</summary>
    public static async Task<int> RunInwardAsync(this WebApplication app, string[]? command)
    {
        if (command is not null)
        {
            return await RunCommandAsync(app, command);
        }
        if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await DatabaseSetup.MigrateAsync(app.Services);
        }
        await Baseline.EnsureAsync(app.Services);
        if (app.Configuration.GetValue("Demo:Enabled", false))
        {
            await Demo.DemoCompany.SeedAsync(app.Services, Console.Out);
        }
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                Console.WriteLine($"Inward is running at {url}");
            }
        });
        await app.RunAsync();
        return 0;
    }

    private static async Task<int> RunCommandAsync(WebApplication app, string[] command)
    {
        var commands = app.Services.GetServices<ICliCommand>().ToDictionary(c => c.Name);
        var output = Console.Out;
        if (command[0] == "help" || !commands.TryGetValue(command[0], out var cmd))
        {
            await output.WriteLineAsync("Usage: Inward [--demo] | <command> [options]\n\nCommands:");
            foreach (var c in commands.Values.OrderBy(c => c.Name))
            {
                await output.WriteLineAsync($"  {c.Name,-15} {c.Summary}");
            }
            await output.WriteLineAsync("\nRun `<command> --help` for a command's options.");
            return command[0] == "help" ? 0 : 2;
        }
        var args = new CliArguments(command[1..]);
        if (args.Has("help"))
        {
            await output.WriteLineAsync($"{cmd.Summary}\n\nUsage: {cmd.Usage}");
            return 0;
        }
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; cts.Cancel(); };
        if (cmd.Name != "migrate" && app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            await DatabaseSetup.MigrateAsync(app.Services, cts.Token);
            await Baseline.EnsureAsync(app.Services);
        }
        return await cmd.RunAsync(app.Services, args, output, cts.Token);
    }
}

internal sealed class MigrateCommand : ICliCommand
{
    public string Name => "migrate";
    public string Summary => "Applies database migrations for the configured provider and exits.";
    public string Usage => "migrate [--Database:Provider=Sqlite|Postgres]";

    public async Task<int> RunAsync(IServiceProvider services, CliArguments args, TextWriter output, CancellationToken ct)
    {
        await DatabaseSetup.MigrateAsync(services, ct);
        await Baseline.EnsureAsync(services);
        await output.WriteLineAsync("Database is up to date.");
        return 0;
    }
}
