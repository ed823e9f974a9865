using Inward.Features.Audiences;
using Inward.Features.People;
using Inward.Features.Posts;
using Inward.Platform.Identity;
using Inward.Platform.Jobs;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Email;

/// <summary>Departments, people and posts of a test's own, for the delivery channels (e-mail, webhooks).</summary>
public static class DeliveryTestData
{
    public static Task<int> DepartmentAsync(InwardApp app) => TestAccounts.WithDbAsync(app, async db =>
    {
        var department = new Department { Name = $"Mail dept {Guid.NewGuid():N}"[..30] };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    });

    /// <summary>An employee with an account, moved into the department: (e-mail, employee id).</summary>
    public static async Task<(string Email, int EmployeeId)> PersonAsync(InwardApp app, int departmentId)
    {
        var (email, _, employeeId) = await TestAccounts.CreateAsync(app, [Roles.Employee]);
        await TestAccounts.WithDbAsync(app, async db =>
        {
            var e = await db.Employees.SingleAsync(x => x.Id == employeeId);
            e.DepartmentId = departmentId;
            return await db.SaveChangesAsync();
        });
        return (email, employeeId!.Value);
    }

    public static AudienceRule Department(int departmentId) =>
        new() { Include = [new AudienceClause { Departments = [new DepartmentChoice { Id = departmentId }] }] };

    /// <summary>Saves a post and publishes it through <see cref="PostPublisher"/> (which queues every channel's job).</summary>
    public static async Task<Post> PublishAsync(InwardApp app, AudienceRule audience, string title, string body = "Hello **team**.",
        bool mustRead = false, bool urgent = false, DateOnly? due = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var post = NewPost(audience, title, body, mustRead, urgent, due);
        scope.ServiceProvider.GetRequiredService<Inward.Platform.Data.InwardDbContext>().Add(post);
        await scope.ServiceProvider.GetRequiredService<PostPublisher>().PublishAsync(post);
        return post;
    }

    public static Post NewPost(AudienceRule audience, string title, string body = "Hello **team**.", bool mustRead = false, bool urgent = false,
        DateOnly? due = null) => new()
    {
        Type = PostType.News,
        Title = title,
        Body = body,
        AudienceJson = audience.ToJson(),
        Status = PostStatus.Draft,
        MustRead = mustRead,
        MustReadDue = due,
        Urgent = urgent,
        AuthorUserId = "test",
        AuthorName = "Test author",
        CreatedUtc = DateTime.UtcNow,
        UpdatedUtc = DateTime.UtcNow,
    };

    /// <summary>Runs a job handler of the app directly, in a fresh scope (as the job runner would), and saves what it left unsaved.</summary>
    public static async Task RunAsync<THandler>(InwardApp app, object payload, TimeProvider? clock = null) where THandler : IJobHandler
    {
        await using var scope = app.Services.CreateAsyncScope();
        var handler = clock is null
            ? ActivatorUtilities.CreateInstance<THandler>(scope.ServiceProvider)
            : ActivatorUtilities.CreateInstance<THandler>(scope.ServiceProvider, clock);
        await handler.HandleAsync(new JobContext(Guid.NewGuid(), "test", System.Text.Json.JsonSerializer.Serialize(payload), 1, DateTime.UtcNow), default);
        await scope.ServiceProvider.GetRequiredService<Inward.Platform.Data.InwardDbContext>().SaveChangesAsync();
    }
}
