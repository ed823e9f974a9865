using System.ComponentModel;
using Inward.Features.Settings;
using Inward.Platform.Identity;
using Inward.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Inward.Features.Brand;

/// <summary>The company's colours and whether a logo can be fetched from <see cref="LogoUrl"/>.</summary>
public sealed record BrandIdentity(string PrimaryColour, string AccentColour, string? LogoUrl);

/// <summary>A published brand book with the live values and identity from the company settings.</summary>
public sealed record BrandBookDetails(
    int Version, DateTime PublishedUtc, string? PublishedBy, string ChangeNote,
    string Promise, string? Mission, string? Vision, string? ToneOfVoice,
    IReadOnlyList<DoDontPair> Examples, IReadOnlyList<BrandSection> Sections,
    IReadOnlyList<string> Values, BrandIdentity Identity);

/// <summary>/api/v1/brand: the published brand book for staff (partners get 403).</summary>
public static class BrandApi
{
    public static IEndpointRouteBuilder MapBrandApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapApiV1("Brand book", Capability.UseIntranet);

        api.MapGet("/brand", GetLatestAsync);
        api.MapGet("/brand/versions", ListVersionsAsync);
        api.MapGet("/brand/versions/{number:int}", GetVersionAsync);
        return app;
    }

    [EndpointSummary("Get the current brand book")]
    [EndpointDescription("The latest published version. Markdown fields (mission, vision, tone of voice, section bodies) are returned as "
        + "Markdown source. Values, colours and logo come live from the company settings.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<BrandBookDetails>, ProblemHttpResult>> GetLatestAsync(BrandBooks books, CompanyProfile company, CancellationToken ct) =>
        await books.LatestAsync(ct) is { } book
            ? TypedResults.Ok(Details(book, await company.GetAsync()))
            : NotFound("No brand book has been published yet.");

    [EndpointSummary("List the published versions of the brand book")]
    [EndpointDescription("Every published version, newest first, with its change note.")]
    public static async Task<Ok<IReadOnlyList<BrandVersionSummary>>> ListVersionsAsync(BrandBooks books, CancellationToken ct) =>
        TypedResults.Ok(await books.VersionsAsync(ct));

    [EndpointSummary("Get one version of the brand book")]
    [EndpointDescription("A published version by its number (1, 2, ...), current or earlier.")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<Results<Ok<BrandBookDetails>, ProblemHttpResult>> GetVersionAsync(
        BrandBooks books, CompanyProfile company, [Description("The version number.")] int number, CancellationToken ct) =>
        await books.VersionAsync(number, ct) is { } book
            ? TypedResults.Ok(Details(book, await company.GetAsync()))
            : NotFound($"There is no brand book version {number}.");

    private static BrandBookDetails Details(PublishedBrandBook b, CompanyProfileView company)
    {
        var c = b.Content;
        return new BrandBookDetails(b.Number, b.PublishedUtc, b.PublishedBy, b.ChangeNote, c.Promise, c.Mission, c.Vision, c.ToneOfVoice,
            c.Examples, c.Sections, company.Values,
            new BrandIdentity(SettingsModule.SafeColour(company.PrimaryColour), SettingsModule.SafeColour(company.AccentColour),
                company.HasLogo ? "/brand/logo" : null));
    }

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);
}
