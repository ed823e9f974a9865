using Inward.Features.People;
using Inward.Platform.Data;
using Inward.Platform.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Organisation;

public static class GroupNames
{
    public const string Duplicate = "A group with this name already exists.";

#pragma warning disable CA1304, CA1311, CA1862
    public static Func<string, Task<bool>> TakenIn(InwardDbContext db, int? id) =>
        key => db.Groups.AnyAsync(g => g.Name.ToUpper() == key && g.Id != id);
#pragma warning restore CA1304, CA1311, CA1862
}

[RequireCapability(Capability.ManagePeople)]
public sealed class GroupsModel(InwardDbContext db, IStringLocalizer<Strings> t) : NamedListPage<Group, NamedForm, GroupsModel.Row>(db, t)
{
    public sealed record Row(int Id, string Name, string? Description, int Members);

    protected override DbSet<Group> Items => Db.Groups;
    protected override Group Create() => new() { Name = "" };
    protected override Task<List<(string Field, string Message, object[] Arguments)>> ValidateAsync(int? id) =>
        Input.ValidateAsync(GroupNames.TakenIn(Db, id), GroupNames.Duplicate);
    protected override LocalizedString Duplicate => T[GroupNames.Duplicate];
    protected override IActionResult Created(Group g) => Redirect($"/organisation/groups/{g.Id}?done=created");

    protected override void Apply(Group g)
    {
        g.Name = Input.Name!.Trim();
        g.Description = OrganisationForms.Clean(Input.Description);
    }

    protected override Task<List<Row>> LoadRowsAsync() =>
        Db.Groups.AsNoTracking().OrderBy(g => g.Name)
            .Select(g => new Row(g.Id, g.Name, g.Description, Db.GroupMembers.Count(m => m.GroupId == g.Id))).ToListAsync();
}
