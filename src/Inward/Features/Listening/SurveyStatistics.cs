namespace Inward.Features.Listening;

/// <summary>How the answers to one Likert item split: the counts per point and the shares the results pages show.</summary>
/// <param name="Counts">Answers per point; index 0 is point 1.</param>
public sealed record LikertSummary(int Points, int N, IReadOnlyList<int> Counts, double Mean, double Favourable, double Neutral, double Unfavourable);

/// <summary>Employee Net Promoter Score: shares in 0..1, score and margin of error in points (−100..+100).</summary>
public sealed record NetPromoterResult(int N, double Promoters, double Passives, double Detractors, double Score, double MarginOfError);

/// <summary>Internal consistency of one dimension's items.</summary>
/// <param name="Alpha">Cronbach's α, or null when it is undefined (fewer than two items or respondents, no variance).</param>
/// <param name="ItemTotal">Corrected item-total correlation per item (the item against the sum of the others), null where undefined.</param>
public sealed record Reliability(int Respondents, double? Alpha, IReadOnlyList<double?> ItemTotal)
{
    public const double AlphaFloor = 0.70;
    public const double AlphaRedundant = 0.95;
    public const double ItemTotalFloor = 0.30;

    public bool IsLow => Alpha is < AlphaFloor;
    public bool HintsRedundancy => Alpha is > AlphaRedundant;
    public IEnumerable<int> WeakItems => ItemTotal.Select((r, i) => (r, i)).Where(x => x.r is < ItemTotalFloor).Select(x => x.i);
}

public enum FavourableBand
{
    Low,
    Middle,
    High,
}

/// <summary>
/// The statistics of MEASUREMENT.md as pure functions: % favourable, eNPS with its margin of error, Cronbach's α,
/// item-total correlations, participation and the heatmap bands. Callers apply the anonymity rule
/// (<see cref="AnonymityGuard"/>) before anything computed here leaves the server.
/// </summary>
public static class SurveyStatistics
{
    public const double ParticipationFloor = 0.60;

    /// <summary>A reverse-scored item's answer on the item's own scale: 1 ↔ points, 2 ↔ points − 1...</summary>
    public static int Reverse(int value, int points) => points + 1 - value;

    /// <summary>
    /// Summarises answers 1..<paramref name="points"/> (5 or 7). Favourable is the top two points of five and the top three
    /// of seven, unfavourable the same at the bottom, neutral the middle point. Reverse-scored items are flipped first.
    /// </summary>
    public static LikertSummary Likert(IEnumerable<int> answers, int points, bool reverse = false)
    {
        if (points is not (5 or 7))
        {
            throw new ArgumentOutOfRangeException(nameof(points), points, "Likert items have 5 or 7 points.");
        }
        var counts = new int[points];
        foreach (var raw in answers)
        {
            if (raw < 1 || raw > points)
            {
                throw new ArgumentOutOfRangeException(nameof(answers), raw, $"An answer must be between 1 and {points}.");
            }
            counts[(reverse ? Reverse(raw, points) : raw) - 1]++;
        }
        var n = counts.Sum();
        if (n == 0)
        {
            return new LikertSummary(points, 0, counts, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        var side = points == 5 ? 2 : 3;
        double Share(IEnumerable<int> c) => (double)c.Sum() / n;
        var mean = counts.Select((c, i) => (double)c * (i + 1)).Sum() / n;
        return new LikertSummary(points, n, counts, mean,
            Favourable: Share(counts.TakeLast(side)), Neutral: (double)counts[points / 2] / n, Unfavourable: Share(counts.Take(side)));
    }

    /// <summary>
    /// eNPS from 0–10 answers: % of 9–10 minus % of 0–6. The margin of error (95 %) is
    /// 1.96·√((p₊ + p₋ − (p₊ − p₋)²)/n), times the finite-population correction √((N − n)/(N − 1)) when the group's size
    /// <paramref name="population"/> is known: a team of 12 where 12 answered has no sampling error at all.
    /// </summary>
    public static NetPromoterResult NetPromoter(IEnumerable<int> answers, int? population = null)
    {
        int promoters = 0, passives = 0, detractors = 0;
        foreach (var a in answers)
        {
            switch (a)
            {
                case >= 9 and <= 10: promoters++; break;
                case >= 7 and <= 8: passives++; break;
                case >= 0 and <= 6: detractors++; break;
                default: throw new ArgumentOutOfRangeException(nameof(answers), a, "An eNPS answer must be between 0 and 10.");
            }
        }
        var n = promoters + passives + detractors;
        if (n == 0)
        {
            return new NetPromoterResult(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        double pPlus = (double)promoters / n, pMinus = (double)detractors / n;
        var variance = pPlus + pMinus - (pPlus - pMinus) * (pPlus - pMinus);
        var margin = 1.96 * Math.Sqrt(variance / n);
        if (population is { } big && big > 1)
        {
            if (big < n)
            {
                throw new ArgumentOutOfRangeException(nameof(population), big, "The group cannot be smaller than its answers.");
            }
            margin *= Math.Sqrt((double)(big - n) / (big - 1));
        }
        return new NetPromoterResult(n, pPlus, (double)passives / n, pMinus, 100 * (pPlus - pMinus), 100 * margin);
    }

    /// <summary>
    /// Cronbach's α = k/(k−1)·(1 − Σσᵢ²/σₜ²) over respondents who answered every item (listwise), with the corrected
    /// item-total correlation of each item. Rows are respondents, columns items, already reverse-scored.
    /// </summary>
    public static Reliability Cronbach(IEnumerable<IReadOnlyList<double?>> rows, int items)
    {
        var complete = rows.Where(r => r.Count == items && r.All(v => v is not null))
            .Select(r => r.Select(v => v!.Value).ToArray()).ToList();
        var n = complete.Count;
        if (items < 2 || n < 2)
        {
            return new Reliability(n, null, Enumerable.Repeat<double?>(null, Math.Max(items, 0)).ToList());
        }
        var totals = complete.Select(r => r.Sum()).ToArray();
        var itemVariances = Enumerable.Range(0, items).Select(i => Variance(complete.Select(r => r[i]).ToArray())).Sum();
        var totalVariance = Variance(totals);
        double? alpha = totalVariance == 0 ? null : items / (items - 1.0) * (1 - itemVariances / totalVariance);
        var itemTotal = Enumerable.Range(0, items)
            .Select(i => Pearson(complete.Select(r => r[i]).ToArray(), complete.Select((r, j) => totals[j] - r[i]).ToArray()))
            .ToList();
        return new Reliability(n, alpha, itemTotal);
    }

    /// <summary>Pearson's r, or null when either side has no variance or there are fewer than two pairs.</summary>
    public static double? Pearson(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException("Both series need the same length.", nameof(y));
        }
        if (x.Count < 2)
        {
            return null;
        }
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? null : sxy / Math.Sqrt(sxx * syy);
    }

    /// <summary>Responses ÷ invited (0 when nobody was invited), and whether it is below the 60 % floor.</summary>
    public static (double Rate, bool IsLow) Participation(int responded, int invited)
    {
        if (responded < 0 || invited < 0 || responded > invited)
        {
            throw new ArgumentOutOfRangeException(nameof(responded), $"{responded} of {invited} is not a participation.");
        }
        var rate = invited == 0 ? 0 : (double)responded / invited;
        return (rate, invited > 0 && rate < ParticipationFloor);
    }

    /// <summary>Heatmap colour of a % favourable (0..100): ≥ 75 high, 60–74 middle, below 60 low.</summary>
    public static FavourableBand Band(double percentFavourable) => percentFavourable switch
    {
        >= 75 => FavourableBand.High,
        >= 60 => FavourableBand.Middle,
        _ => FavourableBand.Low,
    };

    /// <summary>Share of respondents who put each option among their top <paramref name="top"/> (reward preferences: top 3).</summary>
    public static IReadOnlyDictionary<string, double> TopShare(IEnumerable<IReadOnlyList<string>> rankings, int top = 3)
    {
        var list = rankings.ToList();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var option in list.SelectMany(r => r.Take(top).Distinct(StringComparer.Ordinal)))
        {
            counts[option] = counts.GetValueOrDefault(option) + 1;
        }
        return counts.ToDictionary(kv => kv.Key, kv => (double)kv.Value / list.Count, StringComparer.Ordinal);
    }

    /// <summary>Sample variance (n − 1); α is a ratio of variances, so the choice cancels as long as it is the same everywhere.</summary>
    private static double Variance(double[] values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1);
    }
}
