using System.Net;
using System.Net.Http.Json;
using Inward.Features.Learning;
using Inward.Features.Learning.Certificates;
using Inward.Platform.Data;
using Inward.Platform.Demo;
using Inward.Tests.Admin;
using Inward.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Inward.Tests.Learning.AssignmentTestData;

namespace Inward.Tests.Learning;

/// <summary>Certificates: issued on completion, printable for the holder, publicly verifiable by an unguessable id only.</summary>
public sealed class CertificateTests(Apps apps) : IntegrationTest(apps)
{
    private static Task<Certificate> CertificateOfAsync(InwardApp app, int completionId) =>
        TestAccounts.WithDbAsync(app, db => db.Set<Certificate>().AsNoTracking().SingleAsync(c => c.CompletionId == completionId));

    [Fact]
    public void Public_ids_are_128_random_bits_url_safe_and_distinct()
    {
        var ids = Enumerable.Range(0, 1000).Select(_ => Certificate.NewPublicId()).ToList();
        Assert.All(ids, id => Assert.True(Certificate.IsWellFormed(id), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.False(Certificate.IsWellFormed("1"));
        Assert.False(Certificate.IsWellFormed("../../etc/passwd/xxxxxxx"));
        Assert.False(Certificate.IsWellFormed(null));
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task The_issuer_is_registered_for_every_course_completion(DatabaseProvider provider)
    {
        var app = await App(provider);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Contains(scope.ServiceProvider.GetServices<ICourseCompletedHandler>(), h => h is CertificateIssuer);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Verification_shows_valid_expired_and_revoked_and_unknown_ids_are_404(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var course = await CourseAsync(app, recertifyMonths: 12);
        var (_, userId, person) = await PersonAsync(app, department);
        var name = await TestAccounts.WithDbAsync(app, db => db.Employees.Where(e => e.Id == person).Select(e => e.Name).SingleAsync());
        var anonymous = app.Client();

        var valid = await CertificateOfAsync(app, (await CompleteAsync(app, course, userId, person, DateTime.UtcNow.AddDays(-1))).Id);
        var answer = await anonymous.GetFromJsonAsync<CertificateVerification>($"/api/v1/certificates/{valid.PublicId}/verify");
        Assert.Equal((name, course.Title, DateOnly.FromDateTime(valid.CompletedUtc), "valid"), (answer!.Name, answer.Course, answer.CompletedOn, answer.Status));
        Assert.Equal(DateOnly.FromDateTime(valid.CompletedUtc.AddMonths(12)), answer.ExpiresOn);
        var page = await anonymous.GetAsync($"/verify/{valid.PublicId}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(name, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var expired = await CertificateOfAsync(app, (await CompleteAsync(app, course, userId, person, DateTime.UtcNow.AddMonths(-13))).Id);
        Assert.Equal("expired", (await anonymous.GetFromJsonAsync<CertificateVerification>($"/api/v1/certificates/{expired.PublicId}/verify"))!.Status);

        await TestAccounts.WithDbAsync(app, async db =>
        {
            (await db.Set<Certificate>().SingleAsync(c => c.Id == valid.Id)).RevokedUtc = DateTime.UtcNow;
            return await db.SaveChangesAsync();
        });
        Assert.Equal("revoked", (await anonymous.GetFromJsonAsync<CertificateVerification>($"/api/v1/certificates/{valid.PublicId}/verify"))!.Status);

        await (await anonymous.GetAsync($"/api/v1/certificates/{Certificate.NewPublicId()}/verify")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync("/api/v1/certificates/1/verify")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/verify/{Certificate.NewPublicId()}")).StatusCode);
    }

    [Theory, MemberData(nameof(Providers))]
    public async Task Certificates_open_for_the_holder_their_manager_and_learning_managers_only(DatabaseProvider provider)
    {
        var app = await App(provider);
        var department = await DepartmentAsync(app);
        var course = await CourseAsync(app);
        var (email, userId, person) = await PersonAsync(app, department);
        var (otherEmail, _, _) = await PersonAsync(app, department);
        var certificate = await CertificateOfAsync(app, (await CompleteAsync(app, course, userId, person, DateTime.UtcNow, 77)).Id);
        var url = $"/learning/certificates/{certificate.PublicId}";

        var holder = await app.SignedInAsync(email, TestAccounts.Password);
        var print = await holder.GetStringAsync(url);
        Assert.Contains(course.Title, print, StringComparison.Ordinal);
        Assert.Contains("77 %", print, StringComparison.Ordinal);
        Assert.Contains($"/verify/{certificate.PublicId}", print, StringComparison.Ordinal);
        Assert.Contains(certificate.PublicId, await holder.GetStringAsync("/learning/certificates"), StringComparison.Ordinal);
        var mine = (await (await app.ApiClientAsync(email)).GetFromJsonAsync<List<CertificateResponse>>("/api/v1/certificates"))!;
        Assert.Equal([certificate.PublicId], mine.Select(c => c.PublicId));

        var other = await app.SignedInAsync(otherEmail, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(certificate.PublicId, await other.GetStringAsync("/learning/certificates"), StringComparison.Ordinal);
        Assert.Empty((await (await app.ApiClientAsync(otherEmail)).GetFromJsonAsync<List<CertificateResponse>>("/api/v1/certificates"))!);

        var hr = await app.SignedInAsync($"hr@{DemoCompany.Domain}");
        Assert.Equal(HttpStatusCode.OK, (await hr.GetAsync(url)).StatusCode);
        var anonymous = await app.Client().GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}
