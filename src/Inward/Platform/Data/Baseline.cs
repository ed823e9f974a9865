using Inward.Features.Settings;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Inward.Platform.Data;

/// <summary>What every installation needs: the access roles and the company settings row.</summary>
public static class Baseline
{
    public static async Task EnsureAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Audit.CurrentActor>().ActAs(null, "system");
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        if (!await db.CompanySettings.AnyAsync())
        {
            db.CompanySettings.Add(new CompanySettings());
            await db.SaveChangesAsync();
        }
    }
}
