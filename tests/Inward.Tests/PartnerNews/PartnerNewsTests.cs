using System.Net;
using Inward.Features.Audiences;
using Inward.Features.People;
using Inward.Features.Posts;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;

namespace Inward.Tests.PartnerNews;

/// <summary>Partner users read only the posts whose audience names their own organisation, through pages and the API.</summary>
public sealed class PartnerNewsTests(Apps apps) : IntegrationTest(apps)
{
    private static Task<int> OrganisationAsync(InwardApp app) => TestAccounts.WithDbAsync(app, async db =>
    {
        var organisation = new PartnerOrganisation { Name = $"Partner {Guid.NewGuid():N}"[..30] };
        db.PartnerOrganisations.Add(organisation);
        await db.SaveChangesAsync();
        return organisation.Id;
    });

    private static Task<int> PostAsync(InwardApp app, string title, AudienceRule audience) => TestAccounts.WithDbAsync(app, async db =>
    {
        var post = new Post
        {
            Type = PostType.News, Title = title, Body = $"Body of {title}", AudienceJson = audience.ToJson(), Status = PostStatus.Published,
            PublishedUtc = DateTime.UtcNow.AddMinutes(-5), AuthorUserId = "tests", AuthorName = "Internal Author", CreatedUtc = DateTime.UtcNow,
            UpdatedUtc = DateTime.UtcNow,
        };
        db.Add(post);
        await db.SaveChangesAsync();
        return post.Id;
    });

    private static AudienceClause Partners(params int[] ids) => new() { PartnerOrganisations = [.. ids] };

    [Theory, MemberData(nameof(Providers))]
    public async Task A_partner_sees_only_posts_for_their_organisation_never_company_wide_or_other_partners_posts(DatabaseProvider provider)
    {
        var app = await App(provider);
        var ours = await OrganisationAsync(app);
        var theirs = await OrganisationAsync(app);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var forUs = await PostAsync(app, $"For us {tag}", new AudienceRule { Include = [Partners(ours)] });
        var forUsAndStaff = await PostAsync(app, $"For us and staff {tag}", new AudienceRule { Include = [new AudienceClause { Everyone = true }, Partners(ours)] });
        var companyWide = await PostAsync(app, $"Company wide {tag}", AudienceRule.EveryoneInternal());
        var forThem = await PostAsync(app, $"For them {tag}", new AudienceRule { Include = [Partners(theirs)] });
        var excluded = await PostAsync(app, $"Us excluded {tag}", new AudienceRule { Include = [Partners(ours, theirs)], Exclude = [Partners(ours)] });
        var (email, _, _) = await TestAccounts.CreateAsync(app, [Roles.Partner], withEmployee: false, partnerId: ours);
        var partner = await app.SignedInAsync(email, TestAccounts.Password);

        var feed = await partner.GetStringAsync("/partner/news");
        var api = await partner.GetStringAsync("/api/v1/partner/news");

        foreach (var list in new[] { feed, api })
        {
            Assert.Contains($"For us {tag}", list, StringComparison.Ordinal);
            Assert.Contains($"For us and staff {tag}", list, StringComparison.Ordinal);
            Assert.DoesNotContain($"Company wide {tag}", list, StringComparison.Ordinal);
            Assert.DoesNotContain($"For them {tag}", list, StringComparison.Ordinal);
            Assert.DoesNotContain($"Us excluded {tag}", list, StringComparison.Ordinal);
        }
        var page = await partner.GetStringAsync($"/partner/news/{forUs}");
        Assert.Contains($"Body of For us {tag}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal Author", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/partner/news/{forUsAndStaff}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync($"/api/v1/partner/news/{forUs}")).StatusCode);
        foreach (var hidden in new[] { companyWide, forThem, excluded })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync($"/partner/news/{hidden}")).StatusCode);
            await (await partner.GetAsync($"/api/v1/partner/news/{hidden}")).AssertProblemAsync(HttpStatusCode.NotFound);
        }
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task A_partner_cannot_reach_the_internal_news_comments_or_wins_even_for_posts_shared_with_them(DatabaseProvider provider)
    {
        var app = await App(provider);
        var ours = await OrganisationAsync(app);
        var forUs = await PostAsync(app, $"Shared {Guid.NewGuid():N}", new AudienceRule { Include = [Partners(ours)] });
        var (email, _, _) = await TestAccounts.CreateAsync(app, [Roles.Partner], withEmployee: false, partnerId: ours);
        var partner = await app.SignedInAsync(email, TestAccounts.Password);

        await TestAccounts.AssertForbiddenAsync(partner, "/news");
        await TestAccounts.AssertForbiddenAsync(partner, $"/news/{forUs}");
        await TestAccounts.AssertForbiddenAsync(partner, $"/news/{forUs}/comments");
        await TestAccounts.AssertForbiddenAsync(partner, "/wins");
        await (await partner.GetAsync("/api/v1/feed")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.GetAsync($"/api/v1/posts/{forUs}/comments")).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await partner.GetAsync("/api/v1/wins")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("/partner/news", await partner.GetStringAsync("/partner"), StringComparison.Ordinal);

        // And employees never read a post meant for a partner organisation only.
        var employee = await app.SignedInAsync("employee@demo.example");
        Assert.Equal(HttpStatusCode.NotFound, (await employee.GetAsync($"/news/{forUs}")).StatusCode);
        await TestAccounts.AssertForbiddenAsync(employee, "/partner/news");
    }
}
