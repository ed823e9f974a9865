namespace Inward.Features.Radio;

/// <summary>In-house radio (issue 5): episodes, the player, play counts and the private podcast feed per person.</summary>
public static class RadioModule
{
    public static WebApplicationBuilder AddRadio(this WebApplicationBuilder builder) => builder;

    public static WebApplication MapRadio(this WebApplication app) => app;
}
