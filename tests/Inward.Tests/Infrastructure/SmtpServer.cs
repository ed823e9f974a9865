using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Inward.Tests.Infrastructure;

/// <summary>
/// A real SMTP server process (Debian's python3-aiosmtpd) writing each received message into a maildir.
/// </summary>
public sealed class SmtpServer : IDisposable
{
    private readonly Process _process;
    private readonly string _root;

    public int Port { get; }
    public string Maildir { get; }

    public SmtpServer()
    {
        _root = Directory.CreateTempSubdirectory("inward-smtp-").FullName;
        Maildir = Path.Combine(_root, "mail"); // must not exist: the handler creates cur/new/tmp
        Port = FreePort();
        _process = Process.Start(new ProcessStartInfo("/usr/bin/python3",
            ["-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "aiosmtpd.handlers.Mailbox", Maildir])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!Listening())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("aiosmtpd did not start: " + _process.StandardError.ReadToEnd());
            }
            Thread.Sleep(100);
        }
    }

    private bool Listening()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Waits for a message to the given address that matches, and returns it.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(string to, Func<MimeMessage, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            foreach (var m in Messages())
            {
                if (m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)) && (match?.Invoke(m) ?? true))
                {
                    return m;
                }
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No mail to {to} arrived at the SMTP server.");
    }

    public IReadOnlyList<MimeMessage> Messages()
    {
        var dir = Path.Combine(Maildir, "new");
        if (!Directory.Exists(dir))
        {
            return [];
        }
        return Directory.GetFiles(dir).Order().Select(f => MimeMessage.Load(f)).ToList();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        _process.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
