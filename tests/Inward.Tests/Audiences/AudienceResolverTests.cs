using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using Inward.Features.Audiences;
using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inward.Tests.Audiences;

/// <summary>Audience rules applied to the database at read time, the preview page, its live count and the count API.</summary>
public sealed class AudienceResolverTests(Apps apps) : IntegrationTest(apps)
{
    /// <summary>A small company of the test's own: Parent ⊃ Child, Other; people in them; a group; a partner organisation.</summary>
    private sealed record World(int Parent, int Child, int Other, int Location, int Group, int Partner, string PartnerUserId,
        int InChild, int InParent, int InOther, int Inactive, int InGroup, string Marker);

    private static async Task<World> WorldAsync(InwardApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InwardDbContext>();
        var marker = Guid.NewGuid().ToString("N")[..10];
        var parent = new Department { Name = $"Aud parent {marker}" };
        var other = new Department { Name = $"Aud other {marker}" };
        var location = new Location { Name = $"Aud place {marker}" };
        var group = new Group { Name = $"Aud group {marker}" };
        var partner = new PartnerOrganisation { Name = $"Aud partner {marker}" };
        db.AddRange(parent, other, location, group, partner);
        await db.SaveChangesAsync();
        var child = new Department { Name = $"Aud child {marker}", ParentId = parent.Id };
        db.Add(child);
        await db.SaveChangesAsync();
        Employee Person(string name, int department, bool active = true) => new()
        {
            Name = $"{name} {marker}", Email = $"{name.ToLowerInvariant()}{marker}@aud.example",
            NormalizedEmail = $"{name.ToUpperInvariant()}{marker}@AUD.EXAMPLE", DepartmentId = department, LocationId = location.Id,
            HireDate = new DateOnly(2020, 1, 1), IsActive = active, Language = "pl",
        };
        var inChild = Person("Anna", child.Id);
        var inParent = Person("Bartek", parent.Id);
        var inOther = Person("Celina", other.Id);
        var inactive = Person("Dawid", child.Id, active: false);
        var inGroup = Person("Ewa", child.Id);
        db.AddRange(inChild, inParent, inOther, inactive, inGroup);
        await db.SaveChangesAsync();
        db.Add(new GroupMember { GroupId = group.Id, EmployeeId = inGroup.Id });
        await db.SaveChangesAsync();
        var (_, partnerUserId, _) = await TestAccounts.CreateAsync(app, [Roles.Partner], withEmployee: false, partnerId: partner.Id);
        return new(parent.Id, child.Id, other.Id, location.Id, group.Id, partner.Id, partnerUserId,
            inChild.Id, inParent.Id, inOther.Id, inactive.Id, inGroup.Id, marker);
    }

    private static async Task<T> WithResolverAsync<T>(InwardApp app, Func<AudienceResolver, Task<T>> use)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<AudienceResolver>());
    }

    private static AudienceRule Departments(params DepartmentChoice[] departments) =>
        new() { Include = [new AudienceClause { Departments = [.. departments] }] };

    [Theory, MemberData(nameof(Providers))]
    public async Task Departments_with_and_without_sub_departments_reach_the_active_people_in_them(DatabaseProvider provider)
    {
        var app = await App(provider);
        var w = await WorldAsync(app);

        var withSubs = Departments(new DepartmentChoice(w.Parent, true));
        Assert.Equal([w.InChild, w.InParent, w.InGroup], await WithResolverAsync(app, r => r.MemberEmployeeIdsAsync(withSubs)));
        Assert.Equal(3, await WithResolverAsync(app, r => r.CountAsync(withSubs)));
        Assert.Equal([w.InParent], await WithResolverAsync(app, r => r.MemberEmployeeIdsAsync(Departments(new DepartmentChoice(w.Parent, false)))));

        var exceptGroup = new AudienceRule
        {
            Include = [new AudienceClause { Departments = [new(w.Parent, true)] }, new AudienceClause { Departments = [new(w.Other, false)] }],
            Exclude = [new AudienceClause { Groups = [w.Group] }],
        };
        Assert.Equal([w.InChild, w.InParent, w.InOther], await WithResolverAsync(app, r => r.MemberEmployeeIdsAsync(exceptGroup)));
        Assert.False(await WithResolverAsync(app, r => r.IncludesAsync(withSubs, w.Inactive)));
        Assert.False(await WithResolverAsync(app, r => r.IncludesAsync(withSubs, 999_999)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_person_who_moves_department_is_reached_by_what_now_targets_them(DatabaseProvider provider)
    {
        var app = await App(provider);
        var w = await WorldAsync(app);
        var rule = Departments(new DepartmentChoice(w.Parent, true));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(InwardClaimsPrincipalFactory.EmployeeClaim, w.InOther.ToString(System.Globalization.CultureInfo.InvariantCulture))], "test"));

        Assert.False(await WithResolverAsync(app, r => r.IncludesAsync(rule, w.InOther)));
        Assert.False(await WithResolverAsync(app, r => r.IncludesAsync(rule, principal)));

        await TestAccounts.WithDbAsync(app, async db =>
        {
            var person = await db.Employees.SingleAsync(e => e.Id == w.InOther);
            person.DepartmentId = w.Child;
            return await db.SaveChangesAsync();
        });

        Assert.True(await WithResolverAsync(app, r => r.IncludesAsync(rule, w.InOther)));
        Assert.True(await WithResolverAsync(app, r => r.IncludesAsync(rule, principal)));
        Assert.Equal(4, await WithResolverAsync(app, r => r.CountAsync(rule)));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Partner_users_are_reached_only_through_their_organisation(DatabaseProvider provider)
    {
        var app = await App(provider);
        var w = await WorldAsync(app);
        var partner = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, w.PartnerUserId)], "test"));
        var forPartner = new AudienceRule { Include = [new AudienceClause { PartnerOrganisations = [w.Partner] }] };

        Assert.True(await WithResolverAsync(app, r => r.IncludesAsync(forPartner, partner)));
        Assert.False(await WithResolverAsync(app, r => r.IncludesAsync(AudienceRule.EveryoneInternal(), partner)));
        Assert.Equal(1, await WithResolverAsync(app, r => r.CountAsync(forPartner)));
        Assert.Equal([w.PartnerUserId], await WithResolverAsync(app, r => r.MemberPartnerUserIdsAsync(forPartner)));
        Assert.Empty(await WithResolverAsync(app, r => r.MemberEmployeeIdsAsync(forPartner)));

        var mixed = new AudienceRule
        {
            Include = [new AudienceClause { Departments = [new(w.Child, false)] }, new AudienceClause { PartnerOrganisations = [w.Partner] }],
        };
        var preview = await WithResolverAsync(app, r => r.PreviewAsync(mixed, 20));
        Assert.Equal((3, 2, 1), (preview.Count, preview.Employees, preview.PartnerUsers));
        Assert.Equal([$"Anna {w.Marker}", $"Ewa {w.Marker}"], preview.FirstNames.Take(2));
        Assert.Equal(3, preview.FirstNames.Count);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_count_api_counts_a_rule_and_refuses_empty_or_unknown_audiences(DatabaseProvider provider)
    {
        var app = await App(provider);
        var w = await WorldAsync(app);
        var api = await app.ApiClientAsync("comms@demo.example");

        var ok = await api.PostAsJsonAsync("/api/v1/audiences/count", Departments(new DepartmentChoice(w.Parent, true)));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var body = await ok.JsonAsync();
        Assert.Equal(3, body.GetProperty("count").GetInt32());
        Assert.Equal(3, body.GetProperty("employees").GetInt32());

        var empty = await (await api.PostAsJsonAsync("/api/v1/audiences/count", new { version = 1, include = Array.Empty<object>() }))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Choose who it is for", empty.GetProperty("errors").GetProperty("rule")[0].GetString(), StringComparison.Ordinal);

        var unknown = await (await api.PostAsJsonAsync("/api/v1/audiences/count", Departments(new DepartmentChoice(999_999, true))))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("999999", unknown.GetProperty("errors").GetProperty("Include[0].Departments")[0].GetString(), StringComparison.Ordinal);

        await (await api.PostAsync("/api/v1/audiences/count", new StringContent("{", System.Text.Encoding.UTF8, "application/json")))
            .AssertProblemAsync(HttpStatusCode.BadRequest);
        var employee = await app.ApiClientAsync("employee@demo.example");
        await (await employee.PostAsJsonAsync("/api/v1/audiences/count", AudienceRule.EveryoneInternal())).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_preview_page_shows_the_count_and_the_first_names_and_explains_mistakes(DatabaseProvider provider)
    {
        var app = await App(provider);
        var w = await WorldAsync(app);
        var hr = await app.SignedInAsync("hr@demo.example");
        var id = (int i) => i.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var page = await hr.GetStringAsync("/audiences/preview");
        Assert.Contains($"Aud child {w.Marker}", page, StringComparison.Ordinal);
        Assert.Contains("data-audience-count", page, StringComparison.Ordinal);
        var token = InwardApp.AntiforgeryToken(page);

        var counted = await hr.PostAsync("/audiences/preview", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("Audience.Include[0].Departments", id(w.Parent)),
            new("Audience.Include[1].Departments", id(w.Other)),
            new("Audience.Exclude[0].Groups", id(w.Group)),
            new("audienceAction", "count"),
        ]));
        var html = await counted.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
        Assert.Contains("This reaches 3 people.", html, StringComparison.Ordinal);
        Assert.Contains($"Anna {w.Marker}", html, StringComparison.Ordinal);
        Assert.Contains($"Celina {w.Marker}", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"Ewa {w.Marker}</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"Dawid {w.Marker}", html, StringComparison.Ordinal);
        // The editor shows the rule again as posted: the chosen departments and group stay selected, in their clauses.
        Assert.Contains($"name=\"Audience.Include[0].Departments\">", html, StringComparison.Ordinal);
        Assert.Matches($"name=\"Audience.Include\\[0\\].Departments\">[^<]*(<option[^>]*>[^<]*</option>\\s*)*<option value=\"{w.Parent}\" selected=\"selected\"", html);
        Assert.Matches($"name=\"Audience.Exclude\\[0\\].Groups\">[^<]*(<option[^>]*>[^<]*</option>\\s*)*<option value=\"{w.Group}\" selected=\"selected\"", html);

        var empty = await hr.PostAsync("/audiences/preview", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Contains("Choose who it is for: add at least one include clause.", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var live = await hr.PostAsync("/audiences/preview?handler=Count", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("audiencePrefix", "Post"),
            new("Post.Include[0].DepartmentsOnly", id(w.Child)),
        ]));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        var answer = await live.JsonAsync();
        Assert.Equal(2, answer.GetProperty("count").GetInt32());
        Assert.Equal("This reaches 2 people.", answer.GetProperty("text").GetString());

        var bad = await (await hr.PostAsync("/audiences/preview?handler=Count", new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token),
            new("audiencePrefix", "Post"),
            new("Post.Include[0].HiredWithinDays", "-4"),
        ]))).JsonAsync();
        Assert.Equal(System.Text.Json.JsonValueKind.Null, bad.GetProperty("count").ValueKind);
        Assert.Contains("between 0 and", bad.GetProperty("text").GetString(), StringComparison.Ordinal);

        var forged = await hr.PostAsync("/audiences/preview?handler=Count", new FormUrlEncodedContent(
            [new("audiencePrefix", "Post"), new("Post.Include[0].Everyone", "true")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
