namespace Inward.Features.Listening;

/// <summary>
/// The linear span of sparse integer rows, kept in row echelon form, for <see cref="FilterGuard"/>'s exact check: whether a
/// sum of respondents can be computed from the published sums. Arithmetic is exact (integers, rows divided by the gcd of
/// their entries after every step, overflow checked), so "not in the span" is a proof, never a rounding accident; an
/// <see cref="OverflowException"/> means the question could not be settled, and callers must then hide.
/// Every row carries the set of tagged input rows (published cells) it was combined from, so a caller that finds a sum in
/// the span knows which published cells it depends on.
/// </summary>
internal sealed class SparseSpan
{
    /// <summary>A row: columns in increasing order, their non-zero coefficients, and the tagged rows it came from.</summary>
    private sealed record Row(int[] Columns, long[] Values, ulong[] Tags);

    private readonly Row?[] pivotOf;
    private readonly int tagWords;

    public SparseSpan(int width, int tags)
    {
        pivotOf = new Row?[width];
        tagWords = (tags + 63) / 64;
    }

    private SparseSpan(Row?[] pivotOf, int tagWords) => (this.pivotOf, this.tagWords) = (pivotOf, tagWords);

    /// <summary>A copy to add more rows to (rows are immutable, so only the pivot table is copied).</summary>
    public SparseSpan Clone() => new((Row?[])pivotOf.Clone(), tagWords);

    /// <summary>Adds a row of ones over <paramref name="columns"/> (increasing), tagged with <paramref name="tag"/> (or none: -1).</summary>
    public void Add(int[] columns, long[] values, int tag)
    {
        var tags = new ulong[tagWords];
        if (tag >= 0)
        {
            tags[tag / 64] |= 1UL << (tag % 64);
        }
        var row = Reduce(new Row(columns, values, tags));
        if (row.Columns.Length > 0)
        {
            pivotOf[row.Columns[0]] = row;
        }
    }

    /// <summary>Whether the row lies in the span; if so, <paramref name="tags"/> holds the tagged rows it was combined from.</summary>
    public bool Contains(int[] columns, long[] values, out ulong[] tags)
    {
        var row = Reduce(new Row(columns, values, new ulong[tagWords]));
        tags = row.Tags;
        return row.Columns.Length == 0;
    }

    /// <summary>Eliminates the row's leading column while a kept row has its pivot there.</summary>
    private Row Reduce(Row row)
    {
        var (columns, values, tags) = (row.Columns, row.Values, row.Tags);
        while (columns.Length > 0 && pivotOf[columns[0]] is { } pivot)
        {
            (columns, values) = Combine(columns, values, pivot.Values[0], pivot.Columns, pivot.Values, values[0]);
            for (var w = 0; w < tags.Length; w++)
            {
                tags[w] |= pivot.Tags[w];
            }
        }
        return new Row(columns, values, tags);
    }

    /// <summary><c>a·p − b·q</c> over sparse rows, divided by the gcd of its entries.</summary>
    private static (int[] Columns, long[] Values) Combine(int[] ac, long[] av, long p, int[] bc, long[] bv, long q)
    {
        var columns = new int[ac.Length + bc.Length];
        var values = new long[ac.Length + bc.Length];
        int i = 0, j = 0, n = 0;
        long gcd = 0;
        checked
        {
            while (i < ac.Length || j < bc.Length)
            {
                long v;
                int c;
                if (j >= bc.Length || (i < ac.Length && ac[i] < bc[j]))
                {
                    (c, v) = (ac[i], av[i] * p);
                    i++;
                }
                else if (i >= ac.Length || bc[j] < ac[i])
                {
                    (c, v) = (bc[j], -bv[j] * q);
                    j++;
                }
                else
                {
                    (c, v) = (ac[i], av[i] * p - bv[j] * q);
                    i++;
                    j++;
                }
                if (v != 0)
                {
                    columns[n] = c;
                    values[n] = v;
                    n++;
                    gcd = Gcd(gcd, Math.Abs(v));
                }
            }
        }
        if (gcd > 1)
        {
            for (var x = 0; x < n; x++)
            {
                values[x] /= gcd;
            }
        }
        return (columns[..n], values[..n]);
    }

    private static long Gcd(long a, long b)
    {
        while (b != 0)
        {
            (a, b) = (b, a % b);
        }
        return a;
    }
}
