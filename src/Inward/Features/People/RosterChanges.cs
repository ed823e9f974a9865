namespace Inward.Features.People;

/// <summary>
/// Told when people were added or changed (department, role, manager, hire date, active) through the People pages or a
/// roster import, inside the same transaction, so features that target people by those facts need not wait for their
/// next scheduled run: a new hire gets their training on the day they are added.
/// </summary>
public interface IRosterChangedHandler
{
    Task RosterChangedAsync(CancellationToken ct);
}
