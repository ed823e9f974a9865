namespace Inward.Features.Listening;

/// <summary>A link of a chain: the serving department and the department it serves.</summary>
public readonly record struct ServiceLink(int From, int To);

/// <summary>A chain of departments, first supplier first, ending at a front-line department; and its weakest shown link, if any.</summary>
public sealed record ServiceChain(IReadOnlyList<int> Departments, ServiceLink? WeakestLink)
{
    public IEnumerable<ServiceLink> Links => Departments.Zip(Departments.Skip(1), (a, b) => new ServiceLink(a, b));
}

/// <summary>
/// Internal customer chains as pure functions (MEASUREMENT.md: "a chain's score is its weakest edge"). A chain is a path
/// along the service map that ends at a front-line department and cannot be extended further upstream without visiting a
/// department twice, so cycles (Logistics ⇄ Customer Service) end a chain instead of looping.
/// </summary>
public static class ServiceChains
{
    /// <summary>
    /// Every chain ending at a front-line department, at most <paramref name="maxLength"/> departments long and at most
    /// <paramref name="maxChains"/> of them (a dense map has very many paths; the shortest are found first, so the limit
    /// drops the longest). Chains shorter than <paramref name="minLength"/> departments are left out (a single link is
    /// trivially its own weakest link). Ordered by the front-line department, then by length, then by the departments.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Find(IEnumerable<ServiceLink> links, IReadOnlySet<int> frontLine, int maxLength = 6, int maxChains = 200,
        int minLength = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minLength, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, minLength);
        var suppliersOf = links.Where(l => l.From != l.To).Distinct().GroupBy(l => l.To)
            .ToDictionary(g => g.Key, g => g.Select(l => l.From).Order().ToList());
        var chains = new List<IReadOnlyList<int>>();
        foreach (var end in frontLine.Order())
        {
            // Breadth first from the end upstream: a path is complete when no supplier can extend it.
            var pending = new Queue<List<int>>([[end]]);
            while (pending.TryDequeue(out var path) && chains.Count < maxChains)
            {
                var next = suppliersOf.GetValueOrDefault(path[0], []).Where(s => !path.Contains(s)).ToList();
                if (next.Count == 0 || path.Count == maxLength)
                {
                    if (path.Count >= minLength)
                    {
                        chains.Add(path);
                    }
                    continue;
                }
                foreach (var supplier in next)
                {
                    pending.Enqueue([supplier, .. path]);
                }
            }
        }
        return chains;
    }

    /// <summary>
    /// The link with the lowest score among those that have one (a hidden or unmeasured link has none); on a tie, the one
    /// furthest upstream, where a fault spreads to every later link. Null when no link of the chain has a score.
    /// </summary>
    public static ServiceLink? WeakestLink(IReadOnlyList<int> chain, Func<ServiceLink, double?> score)
    {
        ServiceLink? weakest = null;
        double lowest = double.MaxValue;
        for (var i = 0; i + 1 < chain.Count; i++)
        {
            var link = new ServiceLink(chain[i], chain[i + 1]);
            if (score(link) is { } s && s < lowest)
            {
                (weakest, lowest) = (link, s);
            }
        }
        return weakest;
    }
}
