using Inward.Features.Posts;
using Inward.Platform.Demo;
using Inward.Platform.Files;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Inward.Features.Radio;

/// <summary>In-house radio (issue 5): episodes, the player, play counts and the private podcast feed per person.</summary>
public static class RadioModule
{
    public static WebApplicationBuilder AddRadio(this WebApplicationBuilder builder)
    {
        // The shared upload store (Platform/Files) and post attachments are wired here because Program.cs only lists
        // feature modules; AddFiles is idempotent, so another module (course media) may call it too.
        builder.AddFiles();
        builder.Services.AddFileOwner<PostFileOwner>();
        builder.Services.AddScoped<RadioViews>();
        builder.Services.AddFileOwner<RadioFileOwner>();
        builder.Services.AddScoped<IDemoContent, RadioDemoContent>();
        builder.Services.Configure<RazorPagesOptions>(o => o.Conventions.AddPageRoute("/Radio/Editor", "/radio/manage/{id:int}"));
        return builder;
    }

    public static WebApplication MapRadio(this WebApplication app)
    {
        app.MapFiles();
        app.MapRadioFeed();
        app.MapRadioApi();
        return app;
    }
}
