namespace Inward.Features.Wins;

/// <summary>Wins (issue 5): anyone logs a win; communicators turn one into a success-story draft.</summary>
public static class WinsModule
{
    public static WebApplicationBuilder AddWins(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapWins(this WebApplication app) => app;
}
