using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Touchpoints;

/// <summary>Job roles, departments and people a test owns, so shared demo data never decides an outcome.</summary>
public static class TouchpointTestData
{
    public const string Editor = "comms@demo.example";

    public static async Task<int> CreateJobRoleAsync(InwardApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var role = new JobRole { Name = $"Role {Guid.NewGuid():N}" };
        db.JobRoles.Add(role);
        await db.SaveChangesAsync();
        return role.Id;
    }

    public static async Task<int> CreateDepartmentAsync(InwardApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var department = new Department { Name = $"Dept {Guid.NewGuid():N}" };
        db.Departments.Add(department);
        await db.SaveChangesAsync();
        return department.Id;
    }

    /// <summary>An employee with an account (password <see cref="TestAccounts.Password"/>) in the given role, department and reporting line.</summary>
    public static async Task<(string Email, int EmployeeId)> CreatePersonAsync(InwardApp app, int? jobRoleId, int? departmentId = null,
        int? managerId = null, string[]? roles = null)
    {
        var (email, _, employeeId) = await TestAccounts.CreateAsync(app, roles ?? [Roles.Employee]);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var employee = await db.Employees.SingleAsync(e => e.Id == employeeId);
        employee.JobRoleId = jobRoleId;
        employee.DepartmentId = departmentId;
        employee.ManagerId = managerId;
        await db.SaveChangesAsync();
        return (email, employeeId!.Value);
    }

    /// <summary>An employee without an account: counts in metrics and lists, never signs in.</summary>
    public static async Task<int> CreateEmployeeAsync(InwardApp app, int? jobRoleId, int? departmentId = null, int? managerId = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var email = $"p{Guid.NewGuid():N}@tests.example";
        var employee = new Employee
        {
            Name = $"Person {email[1..9]}", Email = email, NormalizedEmail = email.ToUpperInvariant(), JobRoleId = jobRoleId,
            DepartmentId = departmentId, ManagerId = managerId,
        };
        db.Employees.Add(employee);
        await db.SaveChangesAsync();
        return employee.Id;
    }

    public static Task<HttpClient> SignInAsync(InwardApp app, string email) => app.SignedInAsync(email, TestAccounts.Password);

    /// <summary>Saves and publishes a card through the editor page; returns the response of the post.</summary>
    public static async Task<HttpResponseMessage> PublishCardAsync(HttpClient editor, int jobRoleId, string promise, string behaviours,
        Dictionary<string, string>? extra = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.BrandPromise"] = promise,
            ["Input.Behaviours"] = behaviours,
        };
        foreach (var (k, v) in extra ?? [])
        {
            fields[k] = v;
        }
        return await InwardApp.PostFormAsync(editor, $"/role-cards/{jobRoleId}", fields, $"/role-cards/{jobRoleId}?handler=Publish");
    }

    public static async Task<T> WithDbAsync<T>(InwardApp app, Func<InwardDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<InwardDbContext>());
    }
}
