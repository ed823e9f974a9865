using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace Inward.Features.Plan;

/// <summary>What the plan's pages share: errors into ModelState, money and dates for display.</summary>
public static class PlanPages
{
    public static void AddErrors(ModelStateDictionary state, IStringLocalizer t, IEnumerable<PlanError> errors, string prefix)
    {
        foreach (var e in errors)
        {
            state.AddModelError(e.Field.Length == 0 ? "" : prefix.Length == 0 ? e.Field : $"{prefix}.{e.Field}", t[e.Message, e.Arguments]);
        }
    }

    public static string Money(decimal amount, string currency) =>
        amount.ToString("#,0.##", CultureInfo.CurrentCulture) + " " + currency;

    public static string Date(DateOnly date) => date.ToString("d", CultureInfo.CurrentCulture);

    public static string Date(DateTime utc) => utc.ToString("d", CultureInfo.CurrentCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The CSS class of a status badge.</summary>
    public static string Badge(SuggestionStatus status) => status switch
    {
        SuggestionStatus.Adopted => "badge ok",
        SuggestionStatus.Declined => "badge warn",
        SuggestionStatus.Considered => "badge info",
        _ => "badge",
    };

    public static string Badge(InitiativeStatus status) => status switch
    {
        InitiativeStatus.Done => "badge ok",
        InitiativeStatus.InProgress => "badge info",
        InitiativeStatus.Cancelled or InitiativeStatus.OnHold => "badge warn",
        _ => "badge",
    };
}

/// <summary>The model of the plan body partial shared by the plan page and the printable page.</summary>
public sealed record PlanBodyModel(PlanView View, string Currency, bool Print);

public sealed record BudgetLinesModel(IReadOnlyList<(string Label, BudgetLine Line)> Lines, string Currency);
