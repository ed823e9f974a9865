using Inward.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Migrations.Sqlite;

/// <summary>Lets `dotnet ef migrations add` build the context for this provider without starting the app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<InwardDbContext>
{
    public InwardDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<InwardDbContext>();
        // Identity picks its schema (with the passkeys table) from IdentityOptions, as the running app does.
        options.UseApplicationServiceProvider(new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider());
        options.UseSqlite("Data Source=design.db", o => o.MigrationsAssembly(DatabaseSetup.SqliteMigrationsAssembly));
        return new InwardDbContext(options.Options);
    }
}
