namespace Inward.Features.Learning;

/// <summary>Which questions an attempt shows. Pure apart from the random source, which tests pass in seeded.</summary>
public static class QuizDraw
{
    /// <summary>The whole bank in its order when <paramref name="count"/> is null, otherwise <paramref name="count"/> distinct questions in random order.</summary>
    public static IReadOnlyList<int> Draw(IReadOnlyList<int> bank, int? count, Random random)
    {
        ArgumentNullException.ThrowIfNull(bank);
        ArgumentNullException.ThrowIfNull(random);
        if (count is not { } n)
        {
            return [.. bank];
        }
        if (n < 1 || n > bank.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(count), n, "Draw between one question and the size of the bank.");
        }
        var shuffled = bank.ToArray();
        random.Shuffle(shuffled);
        return [.. shuffled.Take(n)];
    }
}
