using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

[RequireCapability(Capability.ManagePeople)]
public sealed class PartnerModel(InwardDbContext db, IStringLocalizer<Strings> t) : NamedItemPage<PartnerOrganisation, NamedForm>(db, t)
{
    /// <summary>The organisation's user accounts.</summary>
    public int Users => Uses;

    protected override DbSet<PartnerOrganisation> Items => Db.PartnerOrganisations;
    protected override string NameOf(PartnerOrganisation p) => p.Name;
    protected override NamedForm ToForm(PartnerOrganisation p) => new() { Name = p.Name, Description = p.Description };
    protected override Task<List<(string Field, string Message, object[] Arguments)>> ValidateAsync(int? id) =>
        Input.ValidateAsync(PartnerNames.TakenIn(Db, id), PartnerNames.Duplicate);
    protected override void Apply(PartnerOrganisation p)
    {
        p.Name = Input.Name!.Trim();
        p.Description = OrganisationForms.Clean(Input.Description);
    }

    protected override LocalizedString Duplicate => T[PartnerNames.Duplicate];
    protected override Task<int> CountUsesAsync(int id) => Db.Users.CountAsync(u => u.PartnerOrganisationId == id);
    protected override LocalizedString InUse(int uses) =>
        T["This partner organisation still has {0} user accounts. Remove them before deleting it.", uses];
    protected override LocalizedString StillInUse => T["This partner organisation is still in use and cannot be deleted."];
    protected override string ListUrl => "/organisation/partners";
}
