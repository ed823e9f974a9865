using System.Text;
using Inward.Platform.Cli;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc.Core.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Inward.Features.People.Import;

public static class RosterImportModule
{
    public static IServiceCollection AddRosterImport(this IServiceCollection services)
    {
        services.AddScoped<RosterImporter>();
        services.AddSingleton<RosterUploads>();
        services.AddSingleton<ICliCommand, ImportRosterCommand>();
        return services;
    }

    public static WebApplication MapRosterImport(this WebApplication app)
    {
        app.MapGet("/people/import/template.csv", () =>
        {
            var csv = ColumnMap.TemplateHeader + "\n"
                + "Anna Example,anna.example@example.com,E90001,Customer Service,Lyon Office,Service agent,,2024-03-31,en,yes,yes\n";
            // With a BOM, so spreadsheet programs read the file as UTF-8.
            var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();
            return Results.File(bytes, "text/csv; charset=utf-8", "roster-template.csv");
        }).RequireAuthorization(nameof(Capability.ManagePeople)).ExcludeFromDescription();
        return app;
    }
}

/// <summary>
/// An upload over the page's request limit cannot be read, so antiforgery validation fails before the page runs
/// and the browser would get a bare 400. For a request that announced a too-large body, send the user back to
/// the upload page with a clear message instead.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OversizedUploadRedirectAttribute(string page) : Attribute, IAlwaysRunResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.Result is IAntiforgeryValidationFailedResult
            && context.HttpContext.Request.ContentLength > RosterFileReader.UploadLimitBytes)
        {
            context.Result = new RedirectResult($"{page}?error=too-large");
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
