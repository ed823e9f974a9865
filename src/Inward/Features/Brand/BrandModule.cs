using Inward.Platform.Demo;

namespace Inward.Features.Brand;

/// <summary>The brand book: promise, mission, vision, values, tone of voice, do and don't examples; versioned and published.</summary>
public static class BrandModule
{
    public static WebApplicationBuilder AddBrand(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<BrandBooks>();
        builder.Services.AddScoped<IDemoContent, BrandDemoContent>();
        return builder;
    }

    public static WebApplication MapBrand(this WebApplication app)
    {
        app.MapBrandApi();
        return app;
    }
}
