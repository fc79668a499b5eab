namespace Metropoli.Platform.Ui;

/// <summary>A step of a summary box's timeline (start, a campaign, an obligation, the end), optionally a link.</summary>
public sealed record TimelineEvent(DateOnly Date, string Text, string? Href = null);

/// <summary>The simple timeline of the summary boxes (ADR 0037): its steps by date, with today placed among them.</summary>
public sealed record TimelineView(IReadOnlyList<TimelineEvent> Events, DateOnly Today)
{
    /// <summary>The steps in date order with today's marker (null event) before the first step after today.</summary>
    public IEnumerable<(TimelineEvent? Event, bool Past)> Steps()
    {
        var marked = false;
        foreach (var e in Events.OrderBy(e => e.Date))
        {
            if (!marked && e.Date > Today) { marked = true; yield return (null, false); }
            yield return (e, e.Date <= Today);
        }
        if (!marked) yield return (null, false);
    }
}
