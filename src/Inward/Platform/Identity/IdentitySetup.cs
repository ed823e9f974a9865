using System.Security.Claims;
using Inward.Platform.Data;
using Inward.Platform.Localisation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Inward.Platform.Identity;

/// <summary>Requires a capability of RoleRules; the policy name is the capability's name.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequireCapabilityAttribute(Capability capability) : AuthorizeAttribute(capability.ToString())
{
    public Capability Capability { get; } = capability;
}

public static class IdentitySetup
{
    /// <summary>Chooses the bearer-token scheme when a request carries a bearer token, otherwise the cookie.</summary>
    public const string SmartScheme = "Inward";

    public static IHostApplicationBuilder AddInwardIdentity(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SmartScheme;
                o.DefaultChallengeScheme = SmartScheme;
            })
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.AddIdentityCore<InwardUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
                o.Password.RequiredLength = 10;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<InwardDbContext>()
            .AddSignInManager<InwardSignInManager>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalisedIdentityErrors>()
            .AddClaimsPrincipalFactory<InwardClaimsPrincipalFactory>();

        // A deactivated or demoted user must lose access within a minute, not the default 30 (SECURITY.md).
        // Tests set 0 to check the cookie on every request.
        var stampSeconds = builder.Configuration.GetValue("Identity:SecurityStampValidationSeconds", 60);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromSeconds(stampSeconds));
        // The relying party id is configured, never taken from the request's Host header (SECURITY.md).
        services.Configure<IdentityPasskeyOptions>(o => o.ServerDomain =
            builder.Configuration["Identity:PasskeyServerDomain"] is { Length: > 0 } domain ? domain : "localhost");
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(7));

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/sign-in";
            o.LogoutPath = "/account/sign-out";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "inward.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(12);
            // APIs answer 401/403 problem details instead of redirecting to an HTML page.
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddCapabilityPolicies();
        return builder;
    }

    private static AuthorizationBuilder AddCapabilityPolicies(this AuthorizationBuilder builder)
    {
        foreach (var capability in Enum.GetValues<Capability>())
        {
            var roles = RoleRules.RolesWith(capability).ToArray();
            builder.AddPolicy(capability.ToString(), p => p.RequireAuthenticatedUser().RequireRole(roles));
        }
        return builder;
    }

    private static Task ApiAwareRedirect(RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (Web.WebSetup.IsApiRequest(ctx.Request))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    public static bool Has(this ClaimsPrincipal user, Capability capability) =>
        RoleRules.Allows(user.FindAll(ClaimTypes.Role).Select(c => c.Value), capability);
}

/// <summary>Adds display name, language, and the employee / partner links to the sign-in cookie.</summary>
public sealed class InwardClaimsPrincipalFactory(
    Microsoft.AspNetCore.Identity.UserManager<InwardUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<InwardUser, IdentityRole>(users, roles, options)
{
    public const string DisplayNameClaim = "inward:name";
    public const string EmployeeClaim = "inward:employee";
    public const string PartnerClaim = "inward:partner";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(InwardUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));
        identity.AddClaim(new Claim(LocalisationSetup.LanguageClaim, user.Language));
        if (user.EmployeeId is { } employeeId)
        {
            identity.AddClaim(new Claim(EmployeeClaim, employeeId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        if (user.PartnerOrganisationId is { } partnerId)
        {
            identity.AddClaim(new Claim(PartnerClaim, partnerId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return identity;
    }
}
