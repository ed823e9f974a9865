using System.Collections.Concurrent;
using System.Net;
using Inward.Features.Notifications;
using Inward.Platform.Data;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Notifications;

/// <summary>A SignalR .NET client signed in with a cookie, connected through an app's TestServer, recording what it receives.</summary>
internal sealed class Listener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly ConcurrentQueue<PushedNotification> _received = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private Listener(HubConnection connection)
    {
        _connection = connection;
        _connection.On<PushedNotification>(NotificationHub.NotifiedMethod, n =>
        {
            _received.Enqueue(n);
            _arrived.Release();
        });
    }

    public IReadOnlyCollection<PushedNotification> Received => _received;

    public static async Task<Listener> ConnectAsync(InwardApp app, string email, string password)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new CookieContainerHandler(cookies) { InnerHandler = app.Server.CreateHandler() }) { BaseAddress = app.Server.BaseAddress };
        var signIn = await InwardApp.SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(app.Server.BaseAddress, NotificationHub.Path), o =>
            {
                // TestServer has no sockets: long polling over its in-memory handler, with the sign-in cookie.
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => new CookieContainerHandler(cookies) { InnerHandler = app.Server.CreateHandler() };
            })
            .Build();
        var listener = new Listener(connection);
        await connection.StartAsync();
        return listener;
    }

    /// <summary>Waits until a notification with <paramref name="title"/> arrived (fails after a generous minute).</summary>
    public async Task<PushedNotification> WaitForAsync(string title)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (_received.FirstOrDefault(n => n.Title == title) is { } found)
            {
                return found;
            }
            await _arrived.WaitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _arrived.Dispose();
    }
}

/// <summary>Real-time delivery on one instance (both providers): each person's open pages get their own notifications only.</summary>
public sealed class RealTimeTests(Apps apps) : IntegrationTest(apps)
{
    internal static async Task<int> EmployeeIdAsync(InwardApp app, string email) =>
        await TestAccounts.WithDbAsync(app, db => db.Employees.Where(e => e.Email == email).Select(e => e.Id).SingleAsync());

    internal static async Task NotifyAsync(InwardApp app, int employeeId, string title, string kind = "post")
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<Notifier>().NotifyAsync([employeeId], kind, title, "/news/1");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task An_open_page_receives_its_own_notification_and_never_another_persons(DatabaseProvider provider)
    {
        var app = await App(provider);
        var (mine, _, myId) = await TestAccounts.CreateAsync(app, [Inward.Platform.Identity.Roles.Employee]);
        var (theirs, _, theirId) = await TestAccounts.CreateAsync(app, [Inward.Platform.Identity.Roles.Employee]);
        await using var me = await Listener.ConnectAsync(app, mine, TestAccounts.Password);
        await using var them = await Listener.ConnectAsync(app, theirs, TestAccounts.Password);

        var forMe = $"For me {Guid.NewGuid():N}";
        var forThem = $"For them {Guid.NewGuid():N}";
        await NotifyAsync(app, myId!.Value, forMe, "must-read");
        await NotifyAsync(app, theirId!.Value, forThem);

        var received = await me.WaitForAsync(forMe);
        Assert.Equal(("must-read", "/news/1"), (received.Kind, received.Url));
        await them.WaitForAsync(forThem);
        // Each was sent before the other's second message arrived: nothing crossed over.
        var lastForMe = $"Last {Guid.NewGuid():N}";
        await NotifyAsync(app, myId.Value, lastForMe);
        await me.WaitForAsync(lastForMe);
        Assert.DoesNotContain(me.Received, n => n.Title == forThem);
        Assert.DoesNotContain(them.Received, n => n.Title == forMe || n.Title == lastForMe);
    }
}

/// <summary>Two app instances on one PostgreSQL database and one Redis: a notification saved by A reaches B's clients.</summary>
public sealed class RealTimeScaleOutTests
{
    [Fact]
    public async Task A_notification_sent_by_instance_A_reaches_a_client_connected_to_instance_B_through_Redis()
    {
        var redis = Environment.GetEnvironmentVariable("INWARD_TEST_REDIS")
            ?? throw new InvalidOperationException("INWARD_TEST_REDIS is not set: run the tests through ./test.sh, which starts Redis.");
        var settings = new Dictionary<string, string>
        {
            ["Redis:Configuration"] = redis,
            ["Redis:KeyPrefix"] = $"test{Guid.NewGuid():N}:",
            ["Jobs:Enabled"] = "false",
        };
        await using var a = new InwardApp(DatabaseProvider.Postgres, settings);
        await a.InitialiseAsync();
        await using var b = new InwardApp(DatabaseProvider.Postgres, new Dictionary<string, string>(settings)
        {
            ["ConnectionStrings:Postgres"] = a.PostgresConnectionString!,
        });
        await b.InitialiseAsync();

        await using var employeeOnB = await Listener.ConnectAsync(b, "employee@demo.example", InwardApp.Password);
        await using var hrOnB = await Listener.ConnectAsync(b, "hr@demo.example", InwardApp.Password);
        var employee = await RealTimeTests.EmployeeIdAsync(a, "employee@demo.example");
        var hr = await RealTimeTests.EmployeeIdAsync(a, "hr@demo.example");

        var forEmployee = $"Across instances {Guid.NewGuid():N}";
        var forHr = $"For HR {Guid.NewGuid():N}";
        await RealTimeTests.NotifyAsync(a, employee, forEmployee);
        await RealTimeTests.NotifyAsync(a, hr, forHr);

        Assert.Equal("/news/1", (await employeeOnB.WaitForAsync(forEmployee)).Url);
        await hrOnB.WaitForAsync(forHr);
        Assert.DoesNotContain(hrOnB.Received, n => n.Title == forEmployee);
        // Saved once, in the shared database, whichever instance the reader asks.
        Assert.Equal(1, await TestAccounts.WithDbAsync(b, db => db.Set<Notification>().CountAsync(n => n.Title == forEmployee)));
    }
}
