using Inward.Features.Listening;

namespace Inward.Tests.Listening;

public sealed class AnonymousBatchRulesTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(4, 20)] // one short of k: those four stay linkable until the fifth arrives or the survey closes
    public void An_open_survey_waits_for_k_pending_responses(int pending, int batched) =>
        Assert.Equal(BatchPlan.None, AnonymousBatchRules.Plan(closed: false, pending, batched, k: 5));

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(40)] // a backlog (the job was down) goes as one batch, not in slices of k
    public void An_open_survey_with_k_or_more_pending_rewrites_all_of_them_and_nothing_else(int pending) =>
        Assert.Equal(new BatchPlan(true, 0), AnonymousBatchRules.Plan(closed: false, pending, batched: 100, k: 5));

    [Theory]
    [InlineData(1, 100, 4)] // the last straggler is hidden among four earlier responses
    [InlineData(3, 100, 2)]
    [InlineData(4, 1, 1)] // fewer batched than needed: all of them
    [InlineData(2, 0, 0)] // a survey with fewer than k answers in all: all of them, as one batch
    [InlineData(5, 100, 0)]
    [InlineData(9, 100, 0)]
    public void A_closed_survey_rewrites_whatever_is_pending_topped_up_to_k(int pending, int batched, int topUp) =>
        Assert.Equal(new BatchPlan(true, topUp), AnonymousBatchRules.Plan(closed: true, pending, batched, k: 5));

    [Fact]
    public void A_closed_survey_with_nothing_pending_is_left_alone() =>
        Assert.Equal(BatchPlan.None, AnonymousBatchRules.Plan(closed: true, pending: 0, batched: 12, k: 5));

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void A_threshold_below_one_still_needs_one_pending_response(int k)
    {
        Assert.Equal(BatchPlan.None, AnonymousBatchRules.Plan(closed: false, pending: 0, batched: 3, k));
        Assert.Equal(new BatchPlan(true, 0), AnonymousBatchRules.Plan(closed: false, pending: 1, batched: 3, k));
        Assert.Equal(new BatchPlan(true, 0), AnonymousBatchRules.Plan(closed: true, pending: 1, batched: 3, k));
    }
}
