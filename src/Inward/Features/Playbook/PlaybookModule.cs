namespace Inward.Features.Playbook;

/// <summary>The SMB playbook generator: a company profile in, a concrete 90-day plan with templates out.</summary>
public static class PlaybookModule
{
    public static WebApplicationBuilder AddPlaybook(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PlaybookService>();
        return builder;
    }

    public static WebApplication MapPlaybook(this WebApplication app)
    {
        app.MapPlaybookApi();
        return app;
    }
}
