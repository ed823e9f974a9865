using Inward.Platform.Metrics;
using Inward.Features.People.Import;

namespace Inward.Features.People;

public static class PeopleModule
{
    public static WebApplicationBuilder AddPeople(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PeopleQueries>();
        builder.Services.AddScoped<EmployeeEditor>();
        builder.Services.AddScoped<IMetricProvider, PeopleMetrics>();
        builder.Services.AddRosterImport();
        return builder;
    }

    public static WebApplication MapPeople(this WebApplication app)
    {
        app.MapPeopleApi();
        app.MapRosterImport();
        return app;
    }
}
