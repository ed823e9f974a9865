namespace Inward.Features.InternalCustomers;

/// <summary>The internal-customer map: which department serves which, with needs, wants and service expectations.</summary>
public static class InternalCustomersModule
{
    public static WebApplicationBuilder AddInternalCustomers(this WebApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapInternalCustomers(this WebApplication app)
    {
        return app;
    }
}
