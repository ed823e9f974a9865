using Inward.Features.Posts;
using Inward.Platform.Jobs;

namespace Inward.Features.Webhooks;

/// <summary>Slack and Microsoft Teams incoming webhooks (issue 5): publication channel "webhooks", settings page, API.</summary>
public static class WebhooksModule
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<WebhookOptions>(builder.Configuration.GetSection("Webhooks"));
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddScoped<WebhookStore>();
        builder.Services.AddPostPublishedHandler<WebhookChannel>("webhooks");
        builder.Services.AddJobHandler<WebhookDeliveryJob>(WebhookChannel.DeliverJob);
        return builder;
    }

    public static WebApplication MapWebhooks(this WebApplication app)
    {
        app.MapWebhooksApi();
        return app;
    }
}
