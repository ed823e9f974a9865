using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Inward.Platform.Data;

public enum DatabaseProvider { Sqlite, Postgres }

public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "Inward.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "Inward.Migrations.Postgres";

    public static DatabaseProvider Provider(IConfiguration configuration) =>
        Enum.TryParse<DatabaseProvider>(configuration["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    /// <summary>The folder for the SQLite file, uploads, mail pickup and keys: Inward:DataDirectory, default ./data.</summary>
    public static string DataDirectory(IConfiguration configuration) =>
        Path.GetFullPath(configuration["Inward:DataDirectory"] ?? "data");

    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        LoadMigrationAssembliesFromAppFolder();
        var configuration = builder.Configuration;
        var provider = Provider(configuration);
        builder.Services.AddScoped<Audit.AuditInterceptor>();
        builder.Services.AddDbContext<InwardDbContext>((services, options) =>
        {
            Configure(options, provider, configuration);
            // Features add their own (e.g. the feed's audience index) with services.AddSingleton<IInterceptor, X>(); audit runs last.
            options.AddInterceptors([.. services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(),
                services.GetRequiredService<Audit.AuditInterceptor>()]);
        });
        var health = builder.Services.AddHealthChecks();
        health.AddDbContextCheck<InwardDbContext>("database", tags: ["ready"]);
        return builder;
    }

    /// <summary>
    /// The migration assemblies are copied next to Inward.dll by the build but are not in its deps.json, so the
    /// default load context needs to be told to look there (see docs/adr/0002-migrations-per-provider.md).
    /// </summary>
    private static void LoadMigrationAssembliesFromAppFolder() =>
        System.Runtime.Loader.AssemblyLoadContext.Default.Resolving += (context, name) =>
            name.Name is SqliteMigrationsAssembly or PostgresMigrationsAssembly
            && Path.Combine(AppContext.BaseDirectory, name.Name + ".dll") is var path && File.Exists(path)
                ? context.LoadFromAssemblyPath(path)
                : null;

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, IConfiguration configuration)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var cs = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            options.UseNpgsql(cs, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
        }
        else
        {
            options.UseSqlite(SqliteConnectionString(configuration), o => o.MigrationsAssembly(SqliteMigrationsAssembly));
        }
    }

    public static string SqliteConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString("Sqlite");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }
        var dir = DataDirectory(configuration);
        Directory.CreateDirectory(dir);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dir, "inward.db"),
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>
    /// Applies pending migrations and, on SQLite, switches the file to WAL and verifies it: WAL keeps every
    /// committed transaction across a crash and lets readers work while a writer commits.
    /// </summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        if (db.Database.IsSqlite())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode=WAL").ToListAsync(ct);
                if (!string.Equals(mode.FirstOrDefault(), "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new InvalidOperationException($"SQLite journal_mode is '{mode.FirstOrDefault()}', expected WAL.");
                }
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            await db.Database.MigrateAsync(ct);
        }
    }
}
