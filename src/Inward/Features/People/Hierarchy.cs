namespace Inward.Features.People;

/// <summary>Tree rules shared by the department tree and the manager chain.</summary>
public static class Hierarchy
{
    /// <summary>
    /// True when putting <paramref name="node"/> under <paramref name="newParent"/> would make a loop: the new parent is
    /// the node itself or one of its descendants. A chain that already loops elsewhere also counts, so it never spins.
    /// </summary>
    public static bool WouldCreateCycle(int node, int? newParent, Func<int, int?> parentOf)
    {
        var seen = new HashSet<int>();
        for (var current = newParent; current is { } id; current = parentOf(id))
        {
            if (id == node || !seen.Add(id))
            {
                return true;
            }
        }
        return false;
    }
}
