using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

public static class PartnerNames
{
    public const string Duplicate = "A partner organisation with this name already exists.";

#pragma warning disable CA1304, CA1311, CA1862
    public static Func<string, Task<bool>> TakenIn(InwardDbContext db, int? id) =>
        key => db.PartnerOrganisations.AnyAsync(p => p.Name.ToUpper() == key && p.Id != id);
#pragma warning restore CA1304, CA1311, CA1862
}

[RequireCapability(Capability.ManagePeople)]
public sealed class PartnersModel(InwardDbContext db, IStringLocalizer<Strings> t) : NamedListPage<PartnerOrganisation, NamedForm, PartnersModel.Row>(db, t)
{
    public sealed record Row(int Id, string Name, string? Description, int Users);

    protected override DbSet<PartnerOrganisation> Items => Db.PartnerOrganisations;
    protected override PartnerOrganisation Create() => new() { Name = "" };
    protected override Task<List<(string Field, string Message, object[] Arguments)>> ValidateAsync(int? id) =>
        Input.ValidateAsync(PartnerNames.TakenIn(Db, id), PartnerNames.Duplicate);
    protected override LocalizedString Duplicate => T[PartnerNames.Duplicate];

    protected override void Apply(PartnerOrganisation p)
    {
        p.Name = Input.Name!.Trim();
        p.Description = OrganisationForms.Clean(Input.Description);
    }

    protected override Task<List<Row>> LoadRowsAsync() =>
        Db.PartnerOrganisations.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, p.Description, Db.Users.Count(u => u.PartnerOrganisationId == p.Id))).ToListAsync();
}
