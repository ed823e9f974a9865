using System.Net;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Inward.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Inward.Tests.Security.Access;

namespace Inward.Tests.Security;

/// <summary>Who may use an endpoint: anyone, any signed-in user, or holders of a capability (RoleRules).</summary>
public sealed record Access(string Name, Capability? Capability)
{
    public static readonly Access Anonymous = new(nameof(Anonymous), null);
    public static readonly Access SignedIn = new(nameof(SignedIn), null);

    public static Access Needs(Capability capability) => new(capability.ToString(), capability);

    public bool Allows(IReadOnlyList<string>? roles) =>
        this == Anonymous || (roles is not null && (Capability is not { } c || RoleRules.Allows(roles, c)));

    public override string ToString() => Capability is { } c ? $"Needs(Capability.{c})" : Name;
}

/// <summary>
/// One endpoint of the permission matrix. <paramref name="Method"/> is GET, POST, ... or * (any method: tried with GET).
/// <paramref name="Example"/> is a concrete URL for templates ({person} and {department} are replaced by real ids).
/// <paramref name="Ok"/> is what an allowed role gets from the example (default 200); <paramref name="Except"/> overrides it
/// per role. Non-GET rows are sent with a valid antiforgery token and a garbage form body.
/// </summary>
public sealed record Row(string Method, string Route, Access Access, string? Example, int[] Ok, IReadOnlyDictionary<string, int>? Except = null)
{
    public string Key => $"{Method} {Route}";
}

/// <summary>
/// Every endpoint × every demo role (SECURITY.md "the battery"): an endpoint missing from the table fails, a row
/// without an endpoint fails, and each role gets exactly the access its row gives. Runs on both providers (~10 s each).
/// </summary>
public sealed class PermissionMatrixTests(Apps apps) : IntegrationTest(apps)
{
    // To add an endpoint: one line here. The failure message of Every_endpoint_is_in_the_table prints the missing
    // lines ready to paste, with the access its declaration suggests: check it, and add an example URL for templates.
    public static readonly Row[] Table =
    [
        // Platform
        Any("/health/live", Anonymous),
        Any("/health/ready", Anonymous),
        Get("/hello", Anonymous),
        Get("/openapi/{documentName}.json", Anonymous, "/openapi/v1.json"),
        Get("/api/docs/{documentName?}", Anonymous, "/api/docs/"),
        Get("/api/docs/scalar.js", Anonymous),
        Get("/api/docs/scalar.aspnetcore.js", Anonymous),
        Get("/api/docs/favicon.svg", Anonymous),
        // Settings: the logo is 404 until one is uploaded.
        Get("/brand.css", Anonymous),
        Get("/brand/logo", Anonymous, ok: [200, 404]),
        // Account: a garbage sign-in shows the form with errors; a language post without a language is 400; the
        // access-denied page answers 403 by design.
        Get("/account/sign-in", Anonymous),
        Post("/account/sign-in", Anonymous),
        Post("/account/sign-out", SignedIn, ok: [302]),
        Post("/account/language", Anonymous, ok: [400]),
        Get("/account/access-denied", Anonymous, ok: [403]),
        // Home: partners are sent on to their area.
        Get("/", SignedIn, except: new Dictionary<string, int> { ["partner"] = 302 }),
        Get("/partner", Needs(Capability.UseExtranet)),
        // People
        Get("/people", Needs(Capability.UseIntranet)),
        Get("/people/{id:int}", Needs(Capability.UseIntranet), "/people/{person}"),
        Get("/departments", Needs(Capability.UseIntranet)),
        Get("/departments/{id:int}", Needs(Capability.UseIntranet), "/departments/{department}"),
        Get("/api/v1/people", Needs(Capability.UseIntranet)),
        Get("/api/v1/people/{id:int}", Needs(Capability.UseIntranet), "/api/v1/people/{person}"),
        Get("/api/v1/departments", Needs(Capability.UseIntranet)),
        Get("/api/v1/departments/{id:int}", Needs(Capability.UseIntranet), "/api/v1/departments/{department}"),
        // Account (issue 3: identity)
        Get("/account", SignedIn),
        Post("/account", SignedIn),
        Get("/account/forgot-password", Anonymous),
        Post("/account/forgot-password", Anonymous),
        Get("/account/reset-password", Anonymous, ok: [400]),
        Post("/account/reset-password", Anonymous, ok: [200, 400]),
        Get("/account/set-password", Anonymous, ok: [400]),
        Post("/account/set-password", Anonymous, ok: [200, 400]),
        Post("/account/sign-in?handler=Passkey", Anonymous, ok: [200, 400]),
        Get("/account/passkeys", SignedIn),
        Post("/account/passkeys?handler=Add", SignedIn, ok: [200, 400]),
        Post("/account/passkeys?handler=Rename", SignedIn, ok: [200, 400, 404]),
        Post("/account/passkeys?handler=Delete", SignedIn, ok: [200, 400, 404]),
        Post("/account/passkeys/creation-options", SignedIn),
        Post("/account/passkeys/request-options", Anonymous),
        Get("/account/tokens", Needs(Capability.UseApi)),
        Post("/account/tokens?handler=Create", Needs(Capability.UseApi), ok: [200, 400]),
        Post("/account/tokens?handler=Revoke", Needs(Capability.UseApi), ok: [404]),
        Get("/api/v1/me", Needs(Capability.UseApi)),
        Get("/people/{id:int}/invite", Needs(Capability.ManagePeople), "/people/{person}/invite", ok: [200, 302, 405]),
        Post("/people/{id:int}/invite", Needs(Capability.ManagePeople), "/people/{person}/invite", ok: [400]),
        Get("/partners", Needs(Capability.ManagePeople)),
        Get("/partners/{id:int}", Needs(Capability.ManagePeople), "/partners/{partner}"),
        Post("/partners/{id:int}", Needs(Capability.ManagePeople), "/partners/{partner}", ok: [200, 400]),

        // The garbage form carries id=-1: the route id must win (PlatformModule), so these answer for the URL's object.
        // Organisation, people editing, settings, users and audit (issue 3)
        Get("/organisation", Needs(Capability.ManagePeople)),
        Get("/organisation/departments", Needs(Capability.ManagePeople)),
        Post("/organisation/departments", Needs(Capability.ManagePeople), ok: [200, 400]),
        Get("/organisation/departments/{id:int}", Needs(Capability.ManagePeople), "/organisation/departments/{department}"),
        Post("/organisation/departments/{id:int}", Needs(Capability.ManagePeople), "/organisation/departments/{department}", ok: [200, 400]),
        Post("/organisation/departments/{id:int}?handler=Delete", Needs(Capability.ManagePeople), "/organisation/departments/999999?handler=Delete", ok: [404]),
        Get("/organisation/locations", Needs(Capability.ManagePeople)),
        Post("/organisation/locations", Needs(Capability.ManagePeople), ok: [200, 400]),
        Get("/organisation/locations/{id:int}", Needs(Capability.ManagePeople), "/organisation/locations/{location}"),
        Post("/organisation/locations/{id:int}", Needs(Capability.ManagePeople), "/organisation/locations/{location}", ok: [200, 400]),
        Post("/organisation/locations/{id:int}?handler=Delete", Needs(Capability.ManagePeople), "/organisation/locations/999999?handler=Delete", ok: [404]),
        Get("/organisation/job-roles", Needs(Capability.ManagePeople)),
        Post("/organisation/job-roles", Needs(Capability.ManagePeople), ok: [200, 400]),
        Get("/organisation/job-roles/{id:int}", Needs(Capability.ManagePeople), "/organisation/job-roles/{jobrole}"),
        Post("/organisation/job-roles/{id:int}", Needs(Capability.ManagePeople), "/organisation/job-roles/{jobrole}", ok: [200, 400]),
        Post("/organisation/job-roles/{id:int}?handler=Delete", Needs(Capability.ManagePeople), "/organisation/job-roles/999999?handler=Delete", ok: [404]),
        Get("/organisation/groups", Needs(Capability.ManagePeople)),
        Post("/organisation/groups", Needs(Capability.ManagePeople), ok: [200, 400]),
        Get("/organisation/groups/{id:int}", Needs(Capability.ManagePeople), "/organisation/groups/{group}"),
        Post("/organisation/groups/{id:int}", Needs(Capability.ManagePeople), "/organisation/groups/{group}", ok: [200, 400]),
        Post("/organisation/groups/{id:int}?handler=Add", Needs(Capability.ManagePeople), "/organisation/groups/999999?handler=Add", ok: [404]),
        Post("/organisation/groups/{id:int}?handler=Remove", Needs(Capability.ManagePeople), "/organisation/groups/999999?handler=Remove", ok: [404]),
        Post("/organisation/groups/{id:int}?handler=Delete", Needs(Capability.ManagePeople), "/organisation/groups/999999?handler=Delete", ok: [404]),
        Get("/organisation/partners", Needs(Capability.ManagePeople)),
        Post("/organisation/partners", Needs(Capability.ManagePeople), ok: [200, 400]),
        Get("/organisation/partners/{id:int}", Needs(Capability.ManagePeople), "/organisation/partners/{partner}"),
        Post("/organisation/partners/{id:int}", Needs(Capability.ManagePeople), "/organisation/partners/{partner}", ok: [200, 400]),
        Post("/organisation/partners/{id:int}?handler=Delete", Needs(Capability.ManagePeople), "/organisation/partners/999999?handler=Delete", ok: [404]),
        Get("/people/new", Needs(Capability.ManagePeople)),
        Post("/people/new", Needs(Capability.ManagePeople), ok: [200, 400]),
        Get("/people/{id:int}/edit", Needs(Capability.ManagePeople), "/people/{person}/edit"),
        Post("/people/{id:int}/edit", Needs(Capability.ManagePeople), "/people/{person}/edit", ok: [200, 400]),
        Get("/settings", Needs(Capability.ManageSettings)),
        Post("/settings", Needs(Capability.ManageSettings), ok: [200, 400]),
        Post("/settings?handler=Approve", Needs(Capability.ManageSettings), ok: [200, 302, 400, 404]),
        Post("/settings?handler=Cancel", Needs(Capability.ManageSettings), ok: [200, 302, 400, 404]),
        Get("/admin/users", Needs(Capability.ManageRoles)),
        Get("/admin/users/{id}", Needs(Capability.ManageRoles), "/admin/users/{user}"),
        Post("/admin/users/{id}", Needs(Capability.ManageRoles), "/admin/users/no-such-user", ok: [404]),
        Get("/admin/audit", Needs(Capability.ReadAuditLog)),
        Post("/admin/audit?handler=Export", Needs(Capability.ReadAuditLog)),

        // Roster import (issue 3); an unknown upload id is 404 for the allowed roles too.
        Get("/people/import", Needs(Capability.ManagePeople)),
        Post("/people/import", Needs(Capability.ManagePeople), ok: [200, 400]),
        Get("/people/import/template.csv", Needs(Capability.ManagePeople)),
        Get("/people/import/history", Needs(Capability.ManagePeople)),
        Get("/people/import/{id:guid}", Needs(Capability.ManagePeople), "/people/import/0b0e5c1e-0000-4000-8000-000000000001", ok: [404]),
        Post("/people/import/{id:guid}", Needs(Capability.ManagePeople), "/people/import/0b0e5c1e-0000-4000-8000-000000000001", ok: [404]),

        // Plan (issue 4)
        // Everyone internal reads published plans ({plan} is the demo plan); state changes are sent to an unknown plan (404),
        // so the matrix never acknowledges or edits the demo plan. JSON endpoints refuse the garbage form body (415).
        Get("/plan/{id:int?}", Needs(Capability.UseIntranet), "/plan"),
        Post("/plan/{id:int?}?handler=Acknowledge", Needs(Capability.UseIntranet), "/plan/999999?handler=Acknowledge", ok: [404]),
        Post("/plan/{id:int?}?handler=Suggest", Needs(Capability.UseIntranet), "/plan/999999?handler=Suggest", ok: [404]),
        Get("/tactics", Needs(Capability.UseIntranet)),
        Get("/plans/{id:int}/calendar", Needs(Capability.UseIntranet), "/plans/{plan}/calendar"),
        Get("/plans/{id:int}/print", Needs(Capability.UseIntranet), "/plans/{plan}/print"),
        Get("/plans/{id:int}/export.csv", Needs(Capability.UseIntranet), "/plans/{plan}/export.csv"),
        Get("/plans", Needs(Capability.ManagePlan)),
        Post("/plans", Needs(Capability.ManagePlan)),
        Get("/plans/{id:int}", Needs(Capability.ManagePlan), "/plans/{plan}"),
        Post("/plans/{id:int}", Needs(Capability.ManagePlan), "/plans/999999", ok: [404]),
        Post("/plans/{id:int}?handler=AddGoal", Needs(Capability.ManagePlan), "/plans/999999?handler=AddGoal", ok: [404]),
        Post("/plans/{id:int}?handler=SaveGoal", Needs(Capability.ManagePlan), "/plans/999999?handler=SaveGoal", ok: [404]),
        Post("/plans/{id:int}?handler=DeleteGoal", Needs(Capability.ManagePlan), "/plans/999999?handler=DeleteGoal", ok: [404]),
        Post("/plans/{id:int}?handler=MoveGoal", Needs(Capability.ManagePlan), "/plans/999999?handler=MoveGoal", ok: [404]),
        Post("/plans/{id:int}?handler=Publish", Needs(Capability.ManagePlan), "/plans/999999?handler=Publish", ok: [404]),
        Post("/plans/{id:int}?handler=Archive", Needs(Capability.ManagePlan), "/plans/999999?handler=Archive", ok: [404]),
        Get("/plans/{id:int}/kpis/{kpiId:int?}", Needs(Capability.ManagePlan), "/plans/{plan}/kpis"),
        Post("/plans/{id:int}/kpis/{kpiId:int?}", Needs(Capability.ManagePlan), "/plans/999999/kpis", ok: [404]),
        Post("/plans/{id:int}/kpis/{kpiId:int?}?handler=Delete", Needs(Capability.ManagePlan), "/plans/999999/kpis/1?handler=Delete", ok: [404]),
        Post("/plans/{id:int}/kpis/{kpiId:int?}?handler=AddReading", Needs(Capability.ManagePlan), "/plans/999999/kpis/1?handler=AddReading", ok: [404]),
        Post("/plans/{id:int}/kpis/{kpiId:int?}?handler=DeleteReading", Needs(Capability.ManagePlan), "/plans/999999/kpis/1?handler=DeleteReading", ok: [404]),
        Get("/plans/{id:int}/initiatives/{initiativeId:int?}", Needs(Capability.ManagePlan), "/plans/{plan}/initiatives"),
        Post("/plans/{id:int}/initiatives/{initiativeId:int?}", Needs(Capability.ManagePlan), "/plans/999999/initiatives", ok: [404]),
        Post("/plans/{id:int}/initiatives/{initiativeId:int?}?handler=Delete", Needs(Capability.ManagePlan), "/plans/999999/initiatives/1?handler=Delete", ok: [404]),
        Get("/plans/{id:int}/suggestions", Needs(Capability.ManagePlan), "/plans/{plan}/suggestions"),
        Post("/plans/{id:int}/suggestions?handler=Answer", Needs(Capability.ManagePlan), "/plans/999999/suggestions?handler=Answer", ok: [404]),
        Get("/plans/{id:int}/acknowledgements", Needs(Capability.ManagePlan), "/plans/{plan}/acknowledgements"),
        Get("/api/v1/plan", Needs(Capability.UseIntranet)),
        Get("/api/v1/plans", Needs(Capability.ManagePlan)),
        Get("/api/v1/plans/{id:int}", Needs(Capability.UseIntranet), "/api/v1/plans/{plan}"),
        Post("/api/v1/plans/{id:int}/acknowledgement", Needs(Capability.UseIntranet), "/api/v1/plans/999999/acknowledgement", ok: [404]),
        Get("/api/v1/plans/{id:int}/suggestions", Needs(Capability.UseIntranet), "/api/v1/plans/{plan}/suggestions"),
        Post("/api/v1/plans/{id:int}/suggestions", Needs(Capability.UseIntranet), "/api/v1/plans/999999/suggestions", ok: [415]),
        Post("/api/v1/plans/{id:int}/suggestions/{suggestionId:int}/answer", Needs(Capability.ManagePlan), "/api/v1/plans/999999/suggestions/1/answer", ok: [415]),

        // Brand book (issue 4)
        // Garbage edit posts lack the promise, so they only show errors.
        Get("/brand", Needs(Capability.UseIntranet)),
        Get("/brand/versions/{n:int}", Needs(Capability.UseIntranet), "/brand/versions/1"),
        Get("/brand/edit", Needs(Capability.ManagePlan)),
        Post("/brand/edit", Needs(Capability.ManagePlan)),
        Post("/brand/edit?handler=Preview", Needs(Capability.ManagePlan)),
        Post("/brand/edit?handler=Publish", Needs(Capability.ManagePlan)),
        Get("/api/v1/brand", Needs(Capability.UseIntranet)),
        Get("/api/v1/brand/versions", Needs(Capability.UseIntranet)),
        Get("/api/v1/brand/versions/{number:int}", Needs(Capability.UseIntranet), "/api/v1/brand/versions/1"),

        // Internal-customer map (issue 4)
        // Garbage posts lack the departments, so they only show errors; the API wants JSON (415).
        Get("/internal-customers", Needs(Capability.UseIntranet)),
        Get("/internal-customers/new", Needs(Capability.ManagePlan)),
        Post("/internal-customers/new", Needs(Capability.ManagePlan)),
        Get("/internal-customers/{id:int}", Needs(Capability.ManagePlan), "/internal-customers/{serviceedge}"),
        Post("/internal-customers/{id:int}", Needs(Capability.ManagePlan), "/internal-customers/{serviceedge}"),
        Post("/internal-customers/{id:int}?handler=Delete", Needs(Capability.ManagePlan), "/internal-customers/999999?handler=Delete", ok: [404]),
        Get("/api/v1/internal-customers", Needs(Capability.UseIntranet)),
        Get("/api/v1/internal-customers/{id:int}", Needs(Capability.UseIntranet), "/api/v1/internal-customers/{serviceedge}"),
        Post("/api/v1/internal-customers", Needs(Capability.ManagePlan), ok: [415]),
        Send("PUT", "/api/v1/internal-customers/{id:int}", Needs(Capability.ManagePlan), "/api/v1/internal-customers/{serviceedge}", ok: [415]),
        Send("DELETE", "/api/v1/internal-customers/{id:int}", Needs(Capability.ManagePlan), "/api/v1/internal-customers/999999", ok: [404]),

        // Playbook (issue 4): a garbage form shows the wizard with its errors and creates nothing; the API takes JSON only.
        Get("/playbook", Needs(Capability.ManagePlan)),
        Post("/playbook", Needs(Capability.ManagePlan)),
        Post("/playbook?handler=Create", Needs(Capability.ManagePlan)),
        Post("/api/v1/playbook", Needs(Capability.ManagePlan), ok: [415]),
        Post("/api/v1/playbook/plans", Needs(Capability.ManagePlan), ok: [415]),

        // Touchpoints and role expectation cards (issue 4)
        // Garbage edits fail validation (200 with errors); an unknown id is 404; JSON endpoints refuse a form body (415).
        // The acknowledgement view is for plan editors and managers (SeeTeam): other staff are sent to access-denied.
        Get("/touchpoints", Needs(Capability.UseIntranet)),
        Get("/touchpoints/{id:int}", Needs(Capability.UseIntranet), "/touchpoints/{touchpoint}"),
        Get("/touchpoints/new", Needs(Capability.ManagePlan)),
        Post("/touchpoints/new", Needs(Capability.ManagePlan)),
        Get("/touchpoints/{id:int}/edit", Needs(Capability.ManagePlan), "/touchpoints/{touchpoint}/edit"),
        Post("/touchpoints/{id:int}/edit", Needs(Capability.ManagePlan), "/touchpoints/{touchpoint}/edit"),
        Post("/touchpoints/{id:int}/edit?handler=Delete", Needs(Capability.ManagePlan), "/touchpoints/999999/edit?handler=Delete", ok: [404]),
        Get("/role-cards", Needs(Capability.ManagePlan)),
        Get("/role-cards/{jobRoleId:int}", Needs(Capability.ManagePlan), "/role-cards/{jobrole}"),
        Post("/role-cards/{jobRoleId:int}", Needs(Capability.ManagePlan), "/role-cards/{jobrole}"),
        Post("/role-cards/{jobRoleId:int}?handler=Publish", Needs(Capability.ManagePlan), "/role-cards/{jobrole}?handler=Publish"),
        Get("/role-cards/{jobRoleId:int}/acknowledgements", Needs(Capability.UseIntranet), "/role-cards/{jobrole}/acknowledgements",
            except: new Dictionary<string, int> { ["employee"] = 302 }),
        Post("/role-cards/{jobRoleId:int}/acknowledgements?handler=Export", Needs(Capability.UseIntranet), "/role-cards/{jobrole}/acknowledgements?handler=Export",
            except: new Dictionary<string, int> { ["employee"] = 302 }),
        Get("/expectations", Needs(Capability.UseIntranet)),
        Post("/expectations", Needs(Capability.UseIntranet)),
        Get("/team/expectations", Needs(Capability.SeeTeam)),
        Get("/api/v1/touchpoints", Needs(Capability.UseIntranet)),
        Get("/api/v1/touchpoints/{id:int}", Needs(Capability.UseIntranet), "/api/v1/touchpoints/{touchpoint}"),
        Post("/api/v1/touchpoints", Needs(Capability.ManagePlan), ok: [415]),
        Send("PUT", "/api/v1/touchpoints/{id:int}", Needs(Capability.ManagePlan), "/api/v1/touchpoints/999999", ok: [415]),
        Send("DELETE", "/api/v1/touchpoints/{id:int}", Needs(Capability.ManagePlan), "/api/v1/touchpoints/999999", ok: [404]),
        Get("/api/v1/role-cards", Needs(Capability.UseIntranet)),
        Get("/api/v1/role-cards/mine", Needs(Capability.UseIntranet), ok: [200, 404]),
        Post("/api/v1/role-cards/mine/acknowledgement", Needs(Capability.UseIntranet), ok: [415]),
        // Background jobs (issue 5): retrying a job that does not exist (or has not failed) is 404.
        Get("/admin/jobs", Needs(Capability.ManageSettings)),
        Post("/admin/jobs?handler=Retry", Needs(Capability.ManageSettings), "/admin/jobs?handler=Retry&id=00000000-0000-0000-0000-000000000000", ok: [404]),


        // Audiences (issue 5)
        // The preview page's policy is "Communicate or ManagePlan" (AudiencesModule.AuthorPolicy): today exactly the
        // ManagePlan holders (Communicator, HR, Admin). A garbage form shows the editor with "choose who it is for"; the
        // live count refuses a post without the editor's prefix (400); the API takes JSON only.
        Get("/audiences/preview", Needs(Capability.ManagePlan)),
        Post("/audiences/preview", Needs(Capability.ManagePlan)),
        Post("/audiences/preview?handler=Count", Needs(Capability.ManagePlan), ok: [400]),
        Post("/api/v1/audiences/count", Needs(Capability.Communicate), ok: [415]),

        // Posts (issue 5)
        // Everyone internal reads the feed (partners get 403 on /news: partner-targeted posts are left for later); unknown
        // posts are 404 for readers and authors alike. A garbage editor form shows errors and saves nothing.
        Get("/news", Needs(Capability.UseIntranet)),
        Get("/news/{id:int}", Needs(Capability.UseIntranet), "/news/999999999", ok: [404]),
        Post("/news/{id:int}?handler=Acknowledge", Needs(Capability.UseIntranet), "/news/999999999?handler=Acknowledge", ok: [404]),
        Get("/posts/new", Needs(Capability.Communicate)),
        Post("/posts/new", Needs(Capability.Communicate)),
        Get("/posts/{id:int}/edit", Needs(Capability.Communicate), "/posts/999999999/edit", ok: [404]),
        Post("/posts/{id:int}/edit", Needs(Capability.Communicate), "/posts/999999999/edit", ok: [404]),
        // Receipts: communicators see everyone, managers their team (employees without either are refused first).
        Get("/posts/{id:int}/receipts", Needs(Capability.UseIntranet), "/posts/999999999/receipts", ok: [404],
            except: new Dictionary<string, int> { ["employee"] = 302 }),
        Get("/posts/{id:int}/receipts?handler=Csv", Needs(Capability.UseIntranet), "/posts/999999999/receipts?handler=Csv", ok: [404],
            except: new Dictionary<string, int> { ["employee"] = 302 }),
        Get("/team/must-reads", Needs(Capability.SeeTeam)),
        Get("/api/v1/feed", Needs(Capability.UseIntranet)),
        Get("/api/v1/posts/{id:int}", Needs(Capability.UseIntranet), "/api/v1/posts/999999999", ok: [404]),
        Post("/api/v1/posts/{id:int}/acknowledgement", Needs(Capability.UseIntranet), "/api/v1/posts/999999999/acknowledgement", ok: [404]),

        // Files, post attachments and radio (issue 5: media)
        // A file is served only through its owning object: an unknown id is 404 for everyone signed in. The podcast feed
        // is anonymous but needs a valid token: an unknown token is 404. Making or revoking one's own feed address
        // redirects back to /radio. Unknown episodes and posts are 404 for readers and communicators alike.
        Get("/files/{id:guid}", SignedIn, "/files/0b0e5c1e-0000-4000-8000-000000000001", ok: [404]),
        Get("/radio/feed/{token}.rss", Anonymous, "/radio/feed/no-such-token.rss", ok: [404]),
        Get("/radio/feed/{token}/audio/{id:int}.{ext}", Anonymous, "/radio/feed/no-such-token/audio/1.mp3", ok: [404]),
        Get("/radio", Needs(Capability.UseIntranet)),
        Post("/radio?handler=Feed", Needs(Capability.UseIntranet), ok: [302]),
        Post("/radio?handler=Revoke", Needs(Capability.UseIntranet), ok: [302]),
        Get("/radio/{id:int}", Needs(Capability.UseIntranet), "/radio/999999999", ok: [404]),
        Post("/radio/{id:int}?handler=Play", Needs(Capability.UseIntranet), "/radio/999999999?handler=Play", ok: [404]),
        Get("/radio/manage", Needs(Capability.Communicate)),
        Get("/radio/manage/new", Needs(Capability.Communicate)),
        Post("/radio/manage/new", Needs(Capability.Communicate)),
        Post("/radio/manage/new?handler=Delete", Needs(Capability.Communicate), ok: [404]),
        Get("/radio/manage/{id:int}", Needs(Capability.Communicate), "/radio/manage/999999999", ok: [404]),
        Post("/radio/manage/{id:int}", Needs(Capability.Communicate), "/radio/manage/999999999", ok: [404]),
        Post("/radio/manage/{id:int}?handler=Delete", Needs(Capability.Communicate), "/radio/manage/999999999?handler=Delete", ok: [404]),
        Get("/api/v1/radio", Needs(Capability.UseIntranet)),
        Get("/api/v1/radio/{id:int}", Needs(Capability.UseIntranet), "/api/v1/radio/999999999", ok: [404]),
        Post("/api/v1/radio/{id:int}/plays", Needs(Capability.UseIntranet), "/api/v1/radio/999999999/plays", ok: [404]),
        Get("/api/v1/radio/manage", Needs(Capability.Communicate)),
        Post("/api/v1/radio/manage/{id:int}/publish", Needs(Capability.Communicate), "/api/v1/radio/manage/999999999/publish", ok: [404]),
        Post("/api/v1/radio/manage/{id:int}/unpublish", Needs(Capability.Communicate), "/api/v1/radio/manage/999999999/unpublish", ok: [404]),
        Send("DELETE", "/api/v1/radio/manage/{id:int}", Needs(Capability.Communicate), "/api/v1/radio/manage/999999999", ok: [404]),
        Get("/posts/{id:int}/attachments", Needs(Capability.Communicate), "/posts/999999999/attachments", ok: [404]),
        Post("/posts/{id:int}/attachments", Needs(Capability.Communicate), "/posts/999999999/attachments", ok: [404]),
        Post("/posts/{id:int}/attachments?handler=Delete", Needs(Capability.Communicate), "/posts/999999999/attachments?handler=Delete", ok: [404]),
        // Comments, wins and partner news (issue 5)
        // Unknown posts are 404 for every reader, on pages and in the API (posts you cannot read look the same). The story
        // handler of a win needs Communicate: others get 403 on a real win (its own test win, {win}).
        Get("/news/{id:int}/comments", Needs(Capability.UseIntranet), "/news/999999999/comments", ok: [404]),
        Post("/news/{id:int}/comments?handler=Add", Needs(Capability.UseIntranet), "/news/999999999/comments?handler=Add", ok: [404]),
        Post("/news/{id:int}/comments?handler=React", Needs(Capability.UseIntranet), "/news/999999999/comments?handler=React", ok: [404]),
        Post("/news/{id:int}/comments?handler=Delete", Needs(Capability.UseIntranet), "/news/999999999/comments?handler=Delete", ok: [404]),
        Post("/news/{id:int}/comments?handler=Hide", Needs(Capability.UseIntranet), "/news/999999999/comments?handler=Hide", ok: [404]),
        Post("/news/{id:int}/comments?handler=Show", Needs(Capability.UseIntranet), "/news/999999999/comments?handler=Show", ok: [404]),
        Get("/news/{id:int}/comments/{commentId:int}/edit", Needs(Capability.UseIntranet), "/news/999999999/comments/1/edit", ok: [404]),
        Post("/news/{id:int}/comments/{commentId:int}/edit", Needs(Capability.UseIntranet), "/news/999999999/comments/1/edit", ok: [404]),
        Get("/api/v1/posts/{id:int}/comments", Needs(Capability.UseIntranet), "/api/v1/posts/999999999/comments", ok: [404]),
        Post("/api/v1/posts/{id:int}/comments", Needs(Capability.UseIntranet), "/api/v1/posts/999999999/comments", ok: [404]),
        Send("PUT", "/api/v1/posts/{id:int}/comments/{commentId:int}", Needs(Capability.UseIntranet), "/api/v1/posts/999999999/comments/1", ok: [404]),
        Send("DELETE", "/api/v1/posts/{id:int}/comments/{commentId:int}", Needs(Capability.UseIntranet), "/api/v1/posts/999999999/comments/1", ok: [404]),
        Get("/api/v1/posts/{id:int}/reactions", Needs(Capability.UseIntranet), "/api/v1/posts/999999999/reactions", ok: [404]),
        Send("PUT", "/api/v1/posts/{id:int}/reactions/{kind}", Needs(Capability.UseIntranet), "/api/v1/posts/999999999/reactions/like", ok: [404]),
        Send("DELETE", "/api/v1/posts/{id:int}/reactions/{kind}", Needs(Capability.UseIntranet), "/api/v1/posts/999999999/reactions/like", ok: [404]),
        Get("/wins", Needs(Capability.UseIntranet)),
        Get("/wins/new", Needs(Capability.UseIntranet)),
        Post("/wins/new", Needs(Capability.UseIntranet)),
        Get("/wins/{id:int}", Needs(Capability.UseIntranet), "/wins/{win}"),
        Post("/wins/{id:int}?handler=Story", Needs(Capability.Communicate), "/wins/{win}?handler=Story", ok: [302]),
        Get("/wins/{id:int}/edit", Needs(Capability.UseIntranet), "/wins/999999999/edit", ok: [404]),
        Post("/wins/{id:int}/edit", Needs(Capability.UseIntranet), "/wins/999999999/edit", ok: [404]),
        Get("/api/v1/wins", Needs(Capability.UseIntranet)),
        Get("/api/v1/wins/{id:int}", Needs(Capability.UseIntranet), "/api/v1/wins/{win}"),
        Post("/api/v1/wins", Needs(Capability.UseIntranet), ok: [415]),
        Send("PUT", "/api/v1/wins/{id:int}", Needs(Capability.UseIntranet), "/api/v1/wins/999999999", ok: [404]),
        Post("/api/v1/wins/{id:int}/story", Needs(Capability.Communicate), "/api/v1/wins/999999999/story", ok: [404]),
        Get("/partner/news", Needs(Capability.UseExtranet)),
        Get("/partner/news/{id:int}", Needs(Capability.UseExtranet), "/partner/news/999999999", ok: [404]),
        Get("/api/v1/partner/news", Needs(Capability.UseExtranet)),
        Get("/api/v1/partner/news/{id:int}", Needs(Capability.UseExtranet), "/api/v1/partner/news/999999999", ok: [404]),
        // E-mail and webhooks (issue 5)
        // /account/email and the preferences API need an employee record (every internal demo account has one). The unsubscribe page is
        // public: the signed token is the authority; a missing or forged token is 404 for everyone.
        Get("/account/email", Needs(Capability.UseIntranet)),
        Post("/account/email", Needs(Capability.UseIntranet)),
        Get("/email/unsubscribe", Anonymous, "/email/unsubscribe?token=forged", ok: [404]),
        Post("/email/unsubscribe", Anonymous, "/email/unsubscribe?token=forged", ok: [404]),
        Get("/api/v1/me/email-preferences", Needs(Capability.UseIntranet)),
        Send("PUT", "/api/v1/me/email-preferences", Needs(Capability.UseIntranet), ok: [415]),
        Get("/settings/webhooks", Needs(Capability.ManageSettings)),
        Post("/settings/webhooks?handler=Save", Needs(Capability.ManageSettings)),
        Post("/settings/webhooks?handler=Delete", Needs(Capability.ManageSettings), "/settings/webhooks?handler=Delete&id=999999999", ok: [404]),
        Post("/settings/webhooks?handler=Test", Needs(Capability.ManageSettings), "/settings/webhooks?handler=Test&id=999999999", ok: [404]),
        Get("/api/v1/webhooks", Needs(Capability.ManageSettings)),
        Get("/api/v1/webhooks/{id:int}", Needs(Capability.ManageSettings), "/api/v1/webhooks/999999999", ok: [404]),
        Post("/api/v1/webhooks", Needs(Capability.ManageSettings), ok: [415]),
        Send("PUT", "/api/v1/webhooks/{id:int}", Needs(Capability.ManageSettings), "/api/v1/webhooks/999999999", ok: [415]),
        Send("DELETE", "/api/v1/webhooks/{id:int}", Needs(Capability.ManageSettings), "/api/v1/webhooks/999999999", ok: [404]),
        // Post authoring (issue 5)
        // Authors (Communicate) manage posts; reviewing needs only UseIntranet at the door, then the post's approver role
        // (HR approves without being an author). Unknown posts are 404; the settings form redirects after saving.
        Get("/posts", Needs(Capability.Communicate)),
        Get("/posts/review", Needs(Capability.UseIntranet)),
        Post("/posts/review?handler=Approve", Needs(Capability.UseIntranet), "/posts/review?handler=Approve&id=999999999", ok: [404]),
        Post("/posts/review?handler=Reject", Needs(Capability.UseIntranet), "/posts/review?handler=Reject&id=999999999", ok: [404]),
        Get("/posts/{id:int}/history", Needs(Capability.Communicate), "/posts/999999999/history", ok: [404]),
        Get("/posts/settings", Needs(Capability.ManageSettings)),
        Post("/posts/settings", Needs(Capability.ManageSettings), ok: [302]),
        Get("/api/v1/posts", Needs(Capability.Communicate)),
        Post("/api/v1/posts", Needs(Capability.Communicate), ok: [415]),
        Send("PUT", "/api/v1/posts/{id:int}", Needs(Capability.Communicate), "/api/v1/posts/999999999", ok: [404]),
        Send("DELETE", "/api/v1/posts/{id:int}", Needs(Capability.Communicate), "/api/v1/posts/999999999", ok: [404]),
        Get("/api/v1/posts/{id:int}/source", Needs(Capability.Communicate), "/api/v1/posts/999999999/source", ok: [404]),
        Get("/api/v1/posts/{id:int}/receipts", Needs(Capability.Communicate), "/api/v1/posts/999999999/receipts", ok: [404]),
        Post("/api/v1/posts/{id:int}/submit", Needs(Capability.Communicate), "/api/v1/posts/999999999/submit", ok: [404]),
        Post("/api/v1/posts/{id:int}/publish", Needs(Capability.Communicate), "/api/v1/posts/999999999/publish", ok: [404]),
        Post("/api/v1/posts/{id:int}/unpublish", Needs(Capability.Communicate), "/api/v1/posts/999999999/unpublish", ok: [404]),
        Post("/api/v1/posts/{id:int}/approve", Needs(Capability.UseIntranet), "/api/v1/posts/999999999/approve", ok: [404]),
        Post("/api/v1/posts/{id:int}/reject", Needs(Capability.UseIntranet), "/api/v1/posts/999999999/reject", ok: [404]),
        // Feedback cards (issue 7)
        // Everyone internal writes and follows cards; the inbox is for people who answer cards (HR, department managers, plan
        // editors or the plan owner): a plain employee is sent to the access-denied page (403 from the API). Unknown cards are 404 for everyone; the garbage form fails validation.
        Get("/feedback", Needs(Capability.UseIntranet)),
        Post("/feedback", Needs(Capability.UseIntranet)),
        Get("/feedback/mine", Needs(Capability.UseIntranet)),
        Get("/feedback/inbox", Needs(Capability.UseIntranet), except: new Dictionary<string, int> { ["employee"] = 302 }),
        Get("/feedback/board", Needs(Capability.UseIntranet)),
        Get("/feedback/cards/{id:int}", Needs(Capability.UseIntranet), "/feedback/cards/999999999", ok: [404]),
        Post("/feedback/cards/{id:int}?handler=Reply", Needs(Capability.UseIntranet), "/feedback/cards/999999999?handler=Reply", ok: [404]),
        Post("/feedback/cards/{id:int}?handler=Status", Needs(Capability.UseIntranet), "/feedback/cards/999999999?handler=Status", ok: [404]),
        Post("/feedback/cards/{id:int}?handler=Board", Needs(Capability.UseIntranet), "/feedback/cards/999999999?handler=Board", ok: [404]),
        Post("/api/v1/feedback", Needs(Capability.UseIntranet), ok: [415]),
        Get("/api/v1/feedback", Needs(Capability.UseIntranet)),
        Get("/api/v1/feedback/inbox", Needs(Capability.UseIntranet), except: new Dictionary<string, int> { ["employee"] = 403 }),
        Get("/api/v1/feedback/board", Needs(Capability.UseIntranet)),
        Get("/api/v1/feedback/{id:int}", Needs(Capability.UseIntranet), "/api/v1/feedback/999999999", ok: [404]),
        Post("/api/v1/feedback/{id:int}/replies", Needs(Capability.UseIntranet), "/api/v1/feedback/999999999/replies", ok: [404]),
        Post("/api/v1/feedback/{id:int}/status", Needs(Capability.UseIntranet), "/api/v1/feedback/999999999/status", ok: [404]),
        Post("/api/v1/feedback/{id:int}/board", Needs(Capability.UseIntranet), "/api/v1/feedback/999999999/board", ok: [404]),
        // Top-performer panel (issue 7)
        // Open to panel members and HR (ManagePeople); a demo account who is neither is refused (the page sends them to access-denied,
        // the API answers 403). HR's own actions on unknown objects are 404; the garbage form fails validation on the page.
        Get("/panel", Needs(Capability.ManagePeople)),
        Post("/panel?handler=Nominate", Needs(Capability.ManagePeople)),
        Post("/panel?handler=Remove", Needs(Capability.ManagePeople), "/panel?handler=Remove&member=999999999", ok: [404]),
        Post("/panel?handler=Accept", Needs(Capability.UseIntranet), ok: [404]),
        Post("/panel?handler=Decline", Needs(Capability.UseIntranet), ok: [404]),
        Post("/panel?handler=Topic", Needs(Capability.ManagePeople)),
        Post("/panel?handler=Input", Needs(Capability.ManagePeople)),
        Post("/panel?handler=UpdateInput", Needs(Capability.ManagePeople), "/panel?handler=UpdateInput&input=999999999", ok: [404]),
        Get("/panel/topics/{id:int}", Needs(Capability.ManagePeople), "/panel/topics/999999999", ok: [404]),
        Post("/panel/topics/{id:int}", Needs(Capability.ManagePeople), "/panel/topics/999999999", ok: [404]),
        Get("/api/v1/panel", Needs(Capability.ManagePeople)),
        Post("/api/v1/panel/members", Needs(Capability.ManagePeople), ok: [415]),
        Send("DELETE", "/api/v1/panel/members/{id:int}", Needs(Capability.ManagePeople), "/api/v1/panel/members/999999999", ok: [404]),
        Post("/api/v1/panel/invitation", Needs(Capability.UseIntranet), ok: [415]),
        Post("/api/v1/panel/topics", Needs(Capability.ManagePeople), ok: [415]),
        Get("/api/v1/panel/topics/{id:int}", Needs(Capability.ManagePeople), "/api/v1/panel/topics/999999999", ok: [404]),
        Post("/api/v1/panel/topics/{id:int}/posts", Needs(Capability.ManagePeople), "/api/v1/panel/topics/999999999/posts", ok: [404]),
        Post("/api/v1/panel/inputs", Needs(Capability.ManagePeople), ok: [415]),
        Post("/api/v1/panel/inputs/{id:int}", Needs(Capability.ManagePeople), "/api/v1/panel/inputs/999999999", ok: [404]),
        // Notifications (issue 5)
        // Everyone signed in (intranet or extranet) has their own notifications; another person's id is 404 like an
        // unknown one. The hub refuses anonymous negotiation with 401; negotiating takes POST, and the connection
        // endpoint without a connection id is a bad request.
        Get("/notifications", SignedIn),
        Post("/notifications?handler=Open", SignedIn, "/notifications?handler=Open&id=999999999", ok: [404]),
        Post("/notifications?handler=Read", SignedIn, "/notifications?handler=Read&id=999999999", ok: [404]),
        Post("/notifications?handler=ReadAll", SignedIn, ok: [302]),
        Get("/api/v1/notifications", SignedIn),
        Get("/api/v1/notifications/unread-count", SignedIn),
        Post("/api/v1/notifications/{id:long}/read", SignedIn, "/api/v1/notifications/999999999/read", ok: [404]),
        Post("/api/v1/notifications/read", SignedIn),
        Any("/hubs/notifications/negotiate", SignedIn, ok: [405]),
        Any("/hubs/notifications", SignedIn, ok: [400]),
        // Learning (issue 6: courses, lessons, quizzes). Learners are everyone signed in (employees and partner users);
        // a course outside one's audience, like an unknown one, is 404. Authoring needs ManageLearning.
        Get("/learning", SignedIn),
        Get("/learning/courses/{id:int}", SignedIn, "/learning/courses/999999999", ok: [404]),
        Get("/learning/courses/{id:int}/lessons/{n:int}", SignedIn, "/learning/courses/999999999/lessons/1", ok: [404]),
        Post("/learning/courses/{id:int}/lessons/{n:int}", SignedIn, "/learning/courses/999999999/lessons/1", ok: [404]),
        Get("/learning/courses/{id:int}/quiz", SignedIn, "/learning/courses/999999999/quiz", ok: [404]),
        Post("/learning/courses/{id:int}/quiz?handler=Start", SignedIn, "/learning/courses/999999999/quiz?handler=Start", ok: [404]),
        Post("/learning/courses/{id:int}/quiz?handler=Submit", SignedIn, "/learning/courses/999999999/quiz?handler=Submit", ok: [404]),
        Get("/learning/manage", Needs(Capability.ManageLearning)),
        Get("/learning/manage/courses/new", Needs(Capability.ManageLearning)),
        Post("/learning/manage/courses/new", Needs(Capability.ManageLearning)),
        Post("/learning/manage/courses/new?handler=Delete", Needs(Capability.ManageLearning), ok: [404]),
        Post("/learning/manage/courses/new?handler=MoveLesson", Needs(Capability.ManageLearning), ok: [404]),
        Post("/learning/manage/courses/new?handler=DeleteLesson", Needs(Capability.ManageLearning), ok: [404]),
        Get("/learning/manage/courses/{id:int}", Needs(Capability.ManageLearning), "/learning/manage/courses/999999999", ok: [404]),
        Post("/learning/manage/courses/{id:int}", Needs(Capability.ManageLearning), "/learning/manage/courses/999999999", ok: [404]),
        Post("/learning/manage/courses/{id:int}?handler=Delete", Needs(Capability.ManageLearning), "/learning/manage/courses/999999999?handler=Delete", ok: [404]),
        Post("/learning/manage/courses/{id:int}?handler=MoveLesson", Needs(Capability.ManageLearning), "/learning/manage/courses/999999999?handler=MoveLesson", ok: [404]),
        Post("/learning/manage/courses/{id:int}?handler=DeleteLesson", Needs(Capability.ManageLearning), "/learning/manage/courses/999999999?handler=DeleteLesson", ok: [404]),
        Get("/learning/manage/courses/{courseId:int}/lessons/new", Needs(Capability.ManageLearning), "/learning/manage/courses/999999999/lessons/new", ok: [404]),
        Post("/learning/manage/courses/{courseId:int}/lessons/new", Needs(Capability.ManageLearning), "/learning/manage/courses/999999999/lessons/new", ok: [404]),
        Post("/learning/manage/courses/{courseId:int}/lessons/new?handler=DeleteAttachment", Needs(Capability.ManageLearning),
            "/learning/manage/courses/999999999/lessons/new?handler=DeleteAttachment", ok: [404]),
        Get("/learning/manage/courses/{courseId:int}/lessons/{lessonId:int}", Needs(Capability.ManageLearning), "/learning/manage/courses/999999999/lessons/1", ok: [404]),
        Post("/learning/manage/courses/{courseId:int}/lessons/{lessonId:int}", Needs(Capability.ManageLearning), "/learning/manage/courses/999999999/lessons/1", ok: [404]),
        Post("/learning/manage/courses/{courseId:int}/lessons/{lessonId:int}?handler=DeleteAttachment", Needs(Capability.ManageLearning),
            "/learning/manage/courses/999999999/lessons/1?handler=DeleteAttachment", ok: [404]),
        Get("/learning/manage/courses/{id:int}/quiz", Needs(Capability.ManageLearning), "/learning/manage/courses/999999999/quiz", ok: [404]),
        Post("/learning/manage/courses/{id:int}/quiz", Needs(Capability.ManageLearning), "/learning/manage/courses/999999999/quiz", ok: [404]),
        Post("/learning/manage/courses/{id:int}/quiz?handler=DeleteQuestion", Needs(Capability.ManageLearning),
            "/learning/manage/courses/999999999/quiz?handler=DeleteQuestion", ok: [404]),
        Post("/learning/manage/courses/{id:int}/quiz?handler=DeleteQuiz", Needs(Capability.ManageLearning),
            "/learning/manage/courses/999999999/quiz?handler=DeleteQuiz", ok: [404]),
        Get("/learning/manage/courses/{id:int}/quiz/questions/new", Needs(Capability.ManageLearning), "/learning/manage/courses/999999999/quiz/questions/new", ok: [404]),
        Post("/learning/manage/courses/{id:int}/quiz/questions/new", Needs(Capability.ManageLearning), "/learning/manage/courses/999999999/quiz/questions/new", ok: [404]),
        Get("/learning/manage/courses/{id:int}/quiz/questions/{questionId:int}", Needs(Capability.ManageLearning),
            "/learning/manage/courses/999999999/quiz/questions/1", ok: [404]),
        Post("/learning/manage/courses/{id:int}/quiz/questions/{questionId:int}", Needs(Capability.ManageLearning),
            "/learning/manage/courses/999999999/quiz/questions/1", ok: [404]),
        Get("/api/v1/courses", SignedIn),
        Get("/api/v1/courses/{id:int}", SignedIn, "/api/v1/courses/999999999", ok: [404]),
        Get("/api/v1/courses/{id:int}/lessons/{n:int}", SignedIn, "/api/v1/courses/999999999/lessons/1", ok: [404]),
        Post("/api/v1/courses/{id:int}/lessons/{n:int}/progress", SignedIn, "/api/v1/courses/999999999/lessons/1/progress", ok: [404]),
        Post("/api/v1/courses/{id:int}/quiz/attempts", SignedIn, "/api/v1/courses/999999999/quiz/attempts", ok: [404]),
        Post("/api/v1/courses/{id:int}/quiz/attempts/{attemptId:int}/submit", SignedIn, "/api/v1/courses/999999999/quiz/attempts/1/submit", ok: [415]),
        Post("/api/v1/courses", Needs(Capability.ManageLearning), ok: [415]),
        Send("PUT", "/api/v1/courses/{id:int}", Needs(Capability.ManageLearning), "/api/v1/courses/999999999", ok: [404]),
        Send("DELETE", "/api/v1/courses/{id:int}", Needs(Capability.ManageLearning), "/api/v1/courses/999999999", ok: [404]),
        Post("/api/v1/courses/{id:int}/lessons", Needs(Capability.ManageLearning), "/api/v1/courses/999999999/lessons", ok: [404]),
        Send("PUT", "/api/v1/courses/{id:int}/lessons/{n:int}", Needs(Capability.ManageLearning), "/api/v1/courses/999999999/lessons/1", ok: [404]),
        Send("DELETE", "/api/v1/courses/{id:int}/lessons/{n:int}", Needs(Capability.ManageLearning), "/api/v1/courses/999999999/lessons/1", ok: [404]),
        Get("/api/v1/courses/{id:int}/quiz", Needs(Capability.ManageLearning), "/api/v1/courses/999999999/quiz", ok: [404]),
        Send("PUT", "/api/v1/courses/{id:int}/quiz", Needs(Capability.ManageLearning), "/api/v1/courses/999999999/quiz", ok: [404]),
        Send("DELETE", "/api/v1/courses/{id:int}/quiz", Needs(Capability.ManageLearning), "/api/v1/courses/999999999/quiz", ok: [404]),
        Post("/api/v1/courses/{id:int}/quiz/questions", Needs(Capability.ManageLearning), "/api/v1/courses/999999999/quiz/questions", ok: [404]),
        Send("PUT", "/api/v1/courses/{id:int}/quiz/questions/{questionId:int}", Needs(Capability.ManageLearning),
            "/api/v1/courses/999999999/quiz/questions/1", ok: [404]),
        Send("DELETE", "/api/v1/courses/{id:int}/quiz/questions/{questionId:int}", Needs(Capability.ManageLearning),
            "/api/v1/courses/999999999/quiz/questions/1", ok: [404]),
        // Learning assignments and certificates (issue 6)
        // Everyone who learns (intranet or extranet: every signed-in demo role) sees their own assignments and certificates;
        // a certificate of someone else is 404 like an unknown one. Verification is public and answers only for an exact
        // 128-bit id (a made-up one is 404). Paths and rules need ManageLearning; unknown ids are 404; the editors' garbage
        // posts redisplay the form with errors; the report's export is a CSV download.
        Get("/learning/assigned", SignedIn),
        Get("/learning/certificates", SignedIn),
        Get("/learning/certificates/{publicId}", SignedIn, "/learning/certificates/AAAAAAAAAAAAAAAAAAAAAA", ok: [404]),
        Get("/verify/{publicId}", Anonymous, "/verify/AAAAAAAAAAAAAAAAAAAAAA", ok: [404]),
        Get("/learning/team", Needs(Capability.SeeTeam)),
        Get("/learning/report", Needs(Capability.ManageLearning)),
        Post("/learning/report?handler=Export", Needs(Capability.ManageLearning)),
        Get("/learning/paths", Needs(Capability.ManageLearning)),
        Get("/learning/paths/new", Needs(Capability.ManageLearning)),
        Post("/learning/paths/new", Needs(Capability.ManageLearning)),
        Post("/learning/paths/new?handler=Delete", Needs(Capability.ManageLearning), ok: [404]),
        Get("/learning/paths/{id:int}", Needs(Capability.ManageLearning), "/learning/paths/999999999", ok: [404]),
        Post("/learning/paths/{id:int}", Needs(Capability.ManageLearning), "/learning/paths/999999999", ok: [404]),
        Post("/learning/paths/{id:int}?handler=Delete", Needs(Capability.ManageLearning), "/learning/paths/999999999?handler=Delete", ok: [404]),
        Get("/learning/rules/new", Needs(Capability.ManageLearning)),
        Post("/learning/rules/new", Needs(Capability.ManageLearning)),
        Post("/learning/rules/new?handler=Delete", Needs(Capability.ManageLearning), ok: [404]),
        Get("/learning/rules/{id:int}", Needs(Capability.ManageLearning), "/learning/rules/999999999", ok: [404]),
        Post("/learning/rules/{id:int}", Needs(Capability.ManageLearning), "/learning/rules/999999999", ok: [404]),
        Post("/learning/rules/{id:int}?handler=Delete", Needs(Capability.ManageLearning), "/learning/rules/999999999?handler=Delete", ok: [404]),
        Get("/api/v1/learning/assignments", SignedIn),
        Get("/api/v1/certificates", SignedIn),
        Get("/api/v1/certificates/{publicId}/verify", Anonymous, "/api/v1/certificates/AAAAAAAAAAAAAAAAAAAAAA/verify", ok: [404]),
        Get("/api/v1/learning/paths", Needs(Capability.ManageLearning)),
        Get("/api/v1/learning/paths/{id:int}", Needs(Capability.ManageLearning), "/api/v1/learning/paths/999999999", ok: [404]),
        Post("/api/v1/learning/paths", Needs(Capability.ManageLearning), ok: [415]),
        Send("PUT", "/api/v1/learning/paths/{id:int}", Needs(Capability.ManageLearning), "/api/v1/learning/paths/999999999", ok: [404]),
        Send("DELETE", "/api/v1/learning/paths/{id:int}", Needs(Capability.ManageLearning), "/api/v1/learning/paths/999999999", ok: [404]),
        Get("/api/v1/learning/rules", Needs(Capability.ManageLearning)),
        Post("/api/v1/learning/rules", Needs(Capability.ManageLearning), ok: [415]),
        Send("PUT", "/api/v1/learning/rules/{id:int}", Needs(Capability.ManageLearning), "/api/v1/learning/rules/999999999", ok: [404]),
        Send("DELETE", "/api/v1/learning/rules/{id:int}", Needs(Capability.ManageLearning), "/api/v1/learning/rules/999999999", ok: [404]),
        // Surveys (issue 7)
        // Managing needs ManageSurveys; unknown surveys are 404 for every allowed role. Results open to everyone internal at the
        // door, then HR/admins see all groups, managers their own department, and others are sent to access denied.
        Get("/surveys", Needs(Capability.UseIntranet)),
        Get("/surveys/manage", Needs(Capability.ManageSurveys)),
        Post("/surveys/manage", Needs(Capability.ManageSurveys)),
        Get("/surveys/{id:int}/edit", Needs(Capability.ManageSurveys), "/surveys/999999999/edit", ok: [404]),
        Post("/surveys/{id:int}/edit?handler=Save", Needs(Capability.ManageSurveys), "/surveys/999999999/edit?handler=Save", ok: [404]),
        Post("/surveys/{id:int}/edit?handler=AddSection", Needs(Capability.ManageSurveys), "/surveys/999999999/edit?handler=AddSection", ok: [404]),
        Post("/surveys/{id:int}/edit?handler=AddQuestion", Needs(Capability.ManageSurveys), "/surveys/999999999/edit?handler=AddQuestion", ok: [404]),
        Post("/surveys/{id:int}/edit?handler=DeleteQuestion", Needs(Capability.ManageSurveys), "/surveys/999999999/edit?handler=DeleteQuestion", ok: [404]),
        Post("/surveys/{id:int}/edit?handler=Launch", Needs(Capability.ManageSurveys), "/surveys/999999999/edit?handler=Launch", ok: [404]),
        Post("/surveys/{id:int}/edit?handler=Close", Needs(Capability.ManageSurveys), "/surveys/999999999/edit?handler=Close", ok: [404]),
        Get("/surveys/{id:int}", Needs(Capability.UseIntranet), "/surveys/999999999", ok: [404]),
        Post("/surveys/{id:int}", Needs(Capability.UseIntranet), "/surveys/999999999", ok: [404]),
        Post("/surveys/{id:int}?handler=Save", Needs(Capability.UseIntranet), "/surveys/999999999?handler=Save", ok: [404]),
        Get("/surveys/{id:int}/results", Needs(Capability.UseIntranet), "/surveys/{survey}/results",
            except: new Dictionary<string, int> { ["comms"] = 302, ["employee"] = 302 }),
        Get("/surveys/{id:int}/export", Needs(Capability.UseIntranet), "/surveys/999999999/export", ok: [404]),
        Get("/surveys/{id:int}/export?handler=Xlsx", Needs(Capability.UseIntranet), "/surveys/999999999/export?handler=Xlsx", ok: [404]),
        Get("/api/v1/surveys", Needs(Capability.UseIntranet)),
        Get("/api/v1/surveys/templates", Needs(Capability.ManageSurveys)),
        Post("/api/v1/surveys", Needs(Capability.ManageSurveys), ok: [415]),
        Get("/api/v1/surveys/{id:int}", Needs(Capability.UseIntranet), "/api/v1/surveys/999999999", ok: [404]),
        Send("PUT", "/api/v1/surveys/{id:int}", Needs(Capability.ManageSurveys), "/api/v1/surveys/999999999", ok: [404]),
        Post("/api/v1/surveys/{id:int}/launch", Needs(Capability.ManageSurveys), "/api/v1/surveys/999999999/launch", ok: [404]),
        Post("/api/v1/surveys/{id:int}/close", Needs(Capability.ManageSurveys), "/api/v1/surveys/999999999/close", ok: [404]),
        Post("/api/v1/surveys/{id:int}/responses", Needs(Capability.UseIntranet), "/api/v1/surveys/999999999/responses", ok: [415]),
        Get("/api/v1/surveys/{id:int}/responses", Needs(Capability.ManageSurveys), "/api/v1/surveys/{survey}/responses", ok: [403]),
        Get("/surveys/{id:int}/reminders", Needs(Capability.ManageSurveys), "/surveys/999999999/reminders", ok: [404]),
        Post("/surveys/{id:int}/reminders", Needs(Capability.ManageSurveys), "/surveys/999999999/reminders", ok: [404]),
        Get("/api/v1/surveys/{id:int}/reminders", Needs(Capability.ManageSurveys), "/api/v1/surveys/999999999/reminders", ok: [404]),
        Post("/api/v1/surveys/{id:int}/reminders", Needs(Capability.ManageSurveys), "/api/v1/surveys/999999999/reminders", ok: [404]),
        Get("/api/v1/surveys/{id:int}/results", Needs(Capability.UseIntranet), "/api/v1/surveys/{survey}/results",
            except: new Dictionary<string, int> { ["comms"] = 403, ["employee"] = 403 }),
        // Recurring pulses: recurrence is HR's; trends follow the results' rule (HR all, managers their part, others refused).
        Get("/surveys/{id:int}/recurrence", Needs(Capability.ManageSurveys), "/surveys/999999999/recurrence", ok: [404]),
        Post("/surveys/{id:int}/recurrence", Needs(Capability.ManageSurveys), "/surveys/999999999/recurrence", ok: [404]),
        Post("/surveys/{id:int}/recurrence?handler=Stop", Needs(Capability.ManageSurveys), "/surveys/999999999/recurrence?handler=Stop", ok: [404]),
        Post("/surveys/{id:int}/recurrence?handler=Change", Needs(Capability.ManageSurveys), "/surveys/999999999/recurrence?handler=Change", ok: [404]),
        Get("/surveys/{id:int}/trends", Needs(Capability.UseIntranet), "/surveys/{survey}/trends",
            except: new Dictionary<string, int> { ["comms"] = 302, ["employee"] = 302 }),
        Get("/surveys/{id:int}/trends/export", Needs(Capability.UseIntranet), "/surveys/999999999/trends/export", ok: [404]),
        Get("/surveys/{id:int}/trends/export?handler=Xlsx", Needs(Capability.UseIntranet), "/surveys/999999999/trends/export?handler=Xlsx", ok: [404]),
        Get("/api/v1/surveys/{id:int}/recurrence", Needs(Capability.ManageSurveys), "/api/v1/surveys/999999999/recurrence", ok: [404]),
        Send("PUT", "/api/v1/surveys/{id:int}/recurrence", Needs(Capability.ManageSurveys), "/api/v1/surveys/999999999/recurrence", ok: [404]),
        Send("PATCH", "/api/v1/surveys/{id:int}/recurrence", Needs(Capability.ManageSurveys), "/api/v1/surveys/999999999/recurrence", ok: [404]),
        Post("/api/v1/surveys/{id:int}/recurrence/stop", Needs(Capability.ManageSurveys), "/api/v1/surveys/999999999/recurrence/stop", ok: [404]),
        Get("/api/v1/surveys/{id:int}/trends", Needs(Capability.UseIntranet), "/api/v1/surveys/{survey}/trends",
            except: new Dictionary<string, int> { ["comms"] = 403, ["employee"] = 403 }),
        Get("/api/v1/surveys/{id:int}/service-quality", Needs(Capability.UseIntranet), "/api/v1/surveys/{survey}/service-quality",
            except: new Dictionary<string, int> { ["comms"] = 403, ["employee"] = 403 }),
    ];


    /// <summary>The demo accounts by short name; null roles = not signed in.</summary>
    private static readonly Dictionary<string, IReadOnlyList<string>?> RoleSets = new(StringComparer.Ordinal)
    {
        ["anonymous"] = null,
        ["admin"] = RolesOf("admin"),
        ["hr"] = RolesOf("hr"),
        ["comms"] = RolesOf("comms"),
        ["manager"] = RolesOf("manager"),
        ["employee"] = RolesOf("employee"),
        ["partner"] = [Roles.Partner],
    };

    private static Row Get(string route, Access access, string? example = null, int[]? ok = null, Dictionary<string, int>? except = null) =>
        new("GET", route, access, example, ok ?? [200], except);

    private static Row Post(string route, Access access, string? example = null, int[]? ok = null, Dictionary<string, int>? except = null) =>
        new("POST", route, access, example, ok ?? [200], except);

    private static Row Any(string route, Access access, string? example = null, int[]? ok = null) =>
        new("*", route, access, example, ok ?? [200]);

    private static Row Send(string method, string route, Access access, string? example = null, int[]? ok = null) =>
        new(method, route, access, example, ok ?? [200]);

    private static string[] RolesOf(string name) =>
        DemoCompany.Accounts.Single(a => a.Email == $"{name}@{DemoCompany.Domain}").Roles;

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_endpoint_is_in_the_table_and_every_row_has_an_endpoint(DatabaseProvider provider)
    {
        var app = await App(provider);
        var endpoints = Discover(app.Services);
        var rows = Table.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var keys = endpoints.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var missing = endpoints.Where(e => !rows.Contains(e.Key)).Select(Suggest).ToList();
        var stale = Table.Where(r => !keys.Contains(r.Key)).Select(r => r.Key).ToList();

        Assert.True(missing.Count == 0 && stale.Count == 0,
            (missing.Count == 0 ? "" : "Endpoints missing from PermissionMatrixTests.Table (check the access, add them):\n" + string.Join("\n", missing) + "\n")
            + (stale.Count == 0 ? "" : "Rows of PermissionMatrixTests.Table without an endpoint:\n" + string.Join("\n", stale)));
        Assert.Equal(Table.Length, rows.Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Every_endpoint_declares_who_may_use_it(DatabaseProvider provider)
    {
        var app = await App(provider);

        var undeclared = Discover(app.Services)
            .Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null && e.Endpoint.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Select(e => $"{e.Key} ({e.Endpoint.DisplayName})").ToList();

        Assert.True(undeclared.Count == 0,
            "Declare [RequireCapability]/.RequireAuthorization(...) or [AllowAnonymous] on:\n" + string.Join("\n", undeclared));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Sign_in_like_endpoints_are_rate_limited_per_address(DatabaseProvider provider)
    {
        var app = await App(provider);
        string[] signInLike = ["sign-in", "signin", "login", "password", "passkey"];

        var endpoints = Discover(app.Services).Where(e => e.Method != "GET" && signInLike.Any(s => e.Route.Contains(s, StringComparison.OrdinalIgnoreCase))).ToList();
        var unlimited = endpoints
            .Where(e => e.Endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName != WebSetup.SignInLimit)
            .Select(e => e.Key).ToList();

        Assert.Contains(endpoints, e => e.Key == "POST /account/sign-in");
        Assert.True(unlimited.Count == 0, $"Add [EnableRateLimiting(WebSetup.SignInLimit)] to:\n{string.Join("\n", unlimited)}");
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Each_role_gets_exactly_the_access_the_table_gives(DatabaseProvider provider)
    {
        var app = await App(provider);
        var placeholders = await PlaceholdersAsync(app);
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var role in RoleSets.Keys)
        {
            clients[role] = await ClientAsync(app, role);
        }
        var failures = new List<string>();

        foreach (var row in Table)
        {
            var url = placeholders.Aggregate(row.Example ?? row.Route, (u, p) => u.Replace(p.Key, p.Value, StringComparison.Ordinal));
            Assert.False(url.Contains('{', StringComparison.Ordinal), $"{row.Key}: give the row an example URL");
            foreach (var (role, roles) in RoleSets)
            {
                var allowed = row.Access.Allows(roles);
                string? failure;
                if (row.Method is "GET" or "*")
                {
                    failure = Check(row, role, allowed, url, await clients[role].GetAsync(url));
                }
                else
                {
                    var send = await PrepareGarbageAsync(app, role, row.Method, url);
                    var before = await FingerprintAsync(app);
                    failure = Check(row, role, allowed, url, await send());
                    if (!allowed && await FingerprintAsync(app) != before)
                    {
                        failure = (failure is null ? "" : failure + "; ") + "the refused request changed data";
                    }
                }
                if (failure is not null)
                {
                    failures.Add($"{role,-9} {row.Method} {url}: {failure}");
                }
            }
        }

        Assert.True(failures.Count == 0, "Permission matrix failures:\n" + string.Join("\n", failures));
    }

    private static string? Check(Row row, string role, bool allowed, string url, HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location is { } l ? (l.IsAbsoluteUri ? l.PathAndQuery : l.OriginalString) : "";
        var got = $"got {status}{(location.Length > 0 ? " → " + location : "")}";
        if (allowed)
        {
            var ok = row.Except?.TryGetValue(role, out var special) == true ? [special] : row.Ok;
            return ok.Contains(status) ? null : $"allowed: expected {string.Join(" or ", ok)}, {got}";
        }
        var api = WebSetup.IsApiRequest(new DefaultHttpContext { Request = { Path = new PathString(url.Split('?')[0]) } }.Request);
        var refused = (role == "anonymous", api) switch
        {
            (true, true) => status == 401,
            (true, false) => status == 302 && location.StartsWith("/account/sign-in", StringComparison.Ordinal),
            (false, true) => status == 403,
            // Pages send signed-in users without the right to the access-denied page (which answers 403).
            (false, false) => status == 403 || (status == 302 && location.StartsWith("/account/access-denied", StringComparison.Ordinal)),
        };
        return refused ? null : $"refused: expected {(role == "anonymous" ? (api ? "401" : "302 → /account/sign-in") : (api ? "403" : "403 or 302 → /account/access-denied"))}, {got}";
    }

    /// <summary>
    /// A fresh client per state-changing request (a sign-out must not end the session other rows use), signed in and
    /// holding a token before the caller takes its "nothing changed" fingerprint.
    /// </summary>
    private static async Task<Func<Task<HttpResponseMessage>>> PrepareGarbageAsync(InwardApp app, string role, string method, string url)
    {
        var client = await ClientAsync(app, role);
        var tokenPage = role switch { "anonymous" => "/account/sign-in", "partner" => "/partner", _ => "/" };
        var token = InwardApp.AntiforgeryToken(await client.GetStringAsync(tokenPage));
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["garbage"] = "'; DROP TABLE x; -- <script>alert(1)</script>",
            ["id"] = "-1",
        });
        return () => client.SendAsync(new HttpRequestMessage(new HttpMethod(method), url) { Content = form });
    }

    private static async Task<HttpClient> ClientAsync(InwardApp app, string role) =>
        role == "anonymous" ? app.Client() : await app.SignedInAsync($"{role}@{DemoCompany.Domain}");

    /// <summary>Every audited change adds an audit entry: an unchanged count and last id mean nothing changed.</summary>
    private static async Task<(int, long)> FingerprintAsync(InwardApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        return (await db.AuditEntries.CountAsync(), await db.AuditEntries.MaxAsync(a => (long?)a.Id) ?? 0);
    }

    /// <summary>A win of the matrix's own (communicators turn it into a story), so the demo wins stay as they are.</summary>
    private static async Task<int> PermissionMatrixWinAsync(InwardDbContext db)
    {
        const string title = "Permission matrix win";
        if (await db.Set<Inward.Features.Wins.Win>().Where(w => w.Title == title).Select(w => (int?)w.Id).FirstOrDefaultAsync() is { } id)
        {
            return id;
        }
        var win = new Inward.Features.Wins.Win
        {
            Title = title, Description = "A win for the permission matrix.", AuthorUserId = "matrix", WonOn = new DateOnly(2026, 1, 1),
            CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
        };
        db.Add(win);
        await db.SaveChangesAsync();
        return win.Id;
    }

    private static async Task<Dictionary<string, string>> PlaceholdersAsync(InwardApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var person = await db.Employees.Where(e => e.Email == $"employee@{DemoCompany.Domain}").Select(e => e.Id).SingleAsync();
        var department = await db.Departments.Where(d => d.Name == "Production").Select(d => d.Id).SingleAsync();
        var location = await db.Locations.Where(l => l.Name == "Lyon Office").Select(l => l.Id).SingleAsync();
        var jobRole = await db.JobRoles.Where(r => r.Name == "Welder").Select(r => r.Id).SingleAsync();
        var group = await db.Groups.Where(g => g.Name == "Safety officers").Select(g => g.Id).SingleAsync();
        var partner = await db.PartnerOrganisations.Where(p => p.Name == DemoCompany.PartnerOrganisations[0]).Select(p => p.Id).SingleAsync();
        var user = await db.Users.Where(u => u.Email == $"employee@{DemoCompany.Domain}").Select(u => u.Id).SingleAsync();
        var plan = await db.Set<Inward.Features.Plan.InternalMarketingPlan>().Where(p => p.Title == "Brightwheel Cycles internal-marketing plan 2027").Select(p => p.Id).SingleAsync();
        var serviceEdge = await db.Set<Inward.Features.InternalCustomers.ServiceEdge>()
            .Where(e => e.FromDepartment!.Name == "Logistics" && e.ToDepartment!.Name == "Customer Service").Select(e => e.Id).SingleAsync();
        var touchpoint = await db.Set<Inward.Features.Touchpoints.Touchpoint>().Where(t => t.Name == "Phone support line").Select(t => t.Id).SingleAsync();
        var win = await PermissionMatrixWinAsync(db);
        var survey = await db.Set<Inward.Features.Listening.Survey>().Where(s => s.Title == Inward.Features.Listening.SurveysDemoContent.ClosedTitle)
            .Select(s => s.Id).SingleAsync();
        return new(StringComparer.Ordinal)
        {
            ["{location}"] = location.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{jobrole}"] = jobRole.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{group}"] = group.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{partner}"] = partner.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{user}"] = user,
            ["{plan}"] = plan.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{person}"] = person.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{department}"] = department.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{serviceedge}"] = serviceEdge.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{touchpoint}"] = touchpoint.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{win}"] = win.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["{survey}"] = survey.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    private sealed record DiscoveredEndpoint(string Method, string Route, Endpoint Endpoint)
    {
        public string Key => $"{Method} {Route}";
    }

    /// <summary>All routable endpoints: minimal APIs by their methods, Razor Pages by their handlers (?handler=Name).</summary>
    private static List<DiscoveredEndpoint> Discover(IServiceProvider services)
    {
        var found = new List<DiscoveredEndpoint>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is { } page)
            {
                var handlers = page.HandlerMethods.Select(h => (Method: h.HttpMethod.ToUpperInvariant(), h.Name)).Distinct().ToList();
                if (handlers.Count == 0)
                {
                    handlers.Add(("GET", null));
                }
                found.AddRange(handlers.Select(h => new DiscoveredEndpoint(h.Method, h.Name is null ? route : $"{route}?handler={h.Name}", endpoint)));
            }
            else if (endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } methods)
            {
                found.AddRange(methods.Select(m => new DiscoveredEndpoint(m, route, endpoint)));
            }
            else
            {
                found.Add(new DiscoveredEndpoint("*", route, endpoint));
            }
        }
        return found;
    }

    /// <summary>A table line for an endpoint, with the access its own declaration suggests.</summary>
    private static string Suggest(DiscoveredEndpoint e)
    {
        var metadata = e.Endpoint.Metadata;
        var access = metadata.GetMetadata<IAllowAnonymous>() is not null ? nameof(Anonymous)
            : metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).FirstOrDefault(p => p is not null) is { } policy
                ? $"Needs(Capability.{policy})"
                : nameof(SignedIn);
        var example = e.Route.Contains('{', StringComparison.Ordinal) ? ", \"/EXAMPLE/URL\"" : "";
        var call = e.Method switch { "GET" => "Get(", "POST" => "Post(", "*" => "Any(", _ => $"Send(\"{e.Method}\", " };
        return $"        {call}\"{e.Route}\", {access}{example}),";
    }
}
