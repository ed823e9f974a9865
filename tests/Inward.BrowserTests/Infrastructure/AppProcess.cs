using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text;

namespace Inward.BrowserTests.Infrastructure;

/// <summary>
/// The real, built Inward started as a separate process (`dotnet Inward.dll --demo`) on a free loopback port with
/// its own SQLite database in a temporary folder, and the project folder as content root so wwwroot is served.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string Password = "browser-demo-password";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _dataDirectory;

    public Uri BaseAddress { get; }

    /// <summary>The app's data folder; with no SMTP host its e-mail lands in mail/ as .eml files.</summary>
    public string DataDirectory => _dataDirectory;

    private AppProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        _dataDirectory = dataDirectory;
    }

    /// <summary>What the app wrote to stdout and stderr so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<AppProcess> StartAsync()
    {
        var root = RepositoryRoot();
        var projectDir = Path.Combine(root, "src", "Inward");
        var configuration = typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(projectDir, "bin", configuration, "net10.0", "Inward.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build src/Inward first ({configuration}): {dll} is missing.", dll);
        }
        var dataDirectory = Directory.CreateTempSubdirectory("inward-browser-").FullName;
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = projectDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])
        [
            dll, "--demo",
            "--urls", baseAddress.ToString().TrimEnd('/'),
            "--contentRoot", projectDir,
            $"--Inward:DataDirectory={dataDirectory}",
            $"--Demo:Password={Password}",
            "--Smtp:Host=",
            "--Database:Provider=Sqlite",
            "--RateLimits:SignInPerMinute=100000",
            // Scheduled posts publish within a second of their time (the post-authoring journey waits for one).
            "--Jobs:PollSeconds=1",
        ])
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = new Process { StartInfo = start };
        var app = new AppProcess(process, baseAddress, dataDirectory);
        process.OutputDataReceived += (_, e) => app.Append(e.Data);
        process.ErrorDataReceived += (_, e) => app.Append(e.Data);
        process.Start();
        // Also when the test host is stopped (e.g. SIGTERM from test.sh's timeout) before the fixture is disposed.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => app.Kill();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await app.WaitUntilReadyAsync();
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Inward exited with {_process.ExitCode} before it was ready:\n{Output}");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Busy starting (migrations, demo seed).
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Inward did not answer /health/ready within 90 s:\n{Output}");
    }

    /// <summary>The folder holding Inward.slnx, found by walking up from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Inward.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No Inward.slnx above {AppContext.BaseDirectory}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, already gone, or disposed.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Kill();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // Left for the system's temp cleaning.
            }
        }
    }
}
