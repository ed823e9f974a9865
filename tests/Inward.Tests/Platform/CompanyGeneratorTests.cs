using Inward.Platform.Demo;

namespace Inward.Tests.Platform;

public sealed class CompanyGeneratorTests
{
    [Fact]
    public void The_same_size_and_seed_give_the_same_company()
    {
        var first = CompanyGenerator.People(300, 7, "x.example");
        var second = CompanyGenerator.People(300, 7, "x.example");

        Assert.Equal(first, second);
        Assert.NotEqual(first, CompanyGenerator.People(300, 8, "x.example"));
    }

    [Fact]
    public void Everyone_but_the_managing_director_reports_to_someone_generated_before_them()
    {
        var people = CompanyGenerator.People(500, 3, "x.example");

        Assert.Single(people, p => p.ManagerIndex is null);
        Assert.All(people.Where(p => p.ManagerIndex is not null), p => Assert.True(p.ManagerIndex < p.Index));
        Assert.Equal(people.Count, people.Select(p => p.Email).Distinct().Count());
    }

    [Fact]
    public void A_scale_company_can_live_beside_the_demo_company_without_clashing_numbers_or_emails()
    {
        var demo = CompanyGenerator.People(DemoCompany.Size, DemoCompany.Seed, DemoCompany.Domain);
        var scale = CompanyGenerator.People(10_000, 42, "scale.example", numberPrefix: "S");

        Assert.Empty(demo.Select(p => p.EmployeeNumber).Intersect(scale.Select(p => p.EmployeeNumber)));
        Assert.Empty(demo.Select(p => p.Email).Intersect(scale.Select(p => p.Email)));
    }
}
