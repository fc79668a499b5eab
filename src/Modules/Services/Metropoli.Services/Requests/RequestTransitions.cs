using Metropoli.Services.Model;

namespace Metropoli.Services.Requests;

/// <summary>The moves of a request and who may make them (docs/adr/0042): the office takes it in charge, asks the Comune
/// for information, answers, closes; the Comune answers a question (back to work), withdraws it, closes it once answered
/// (with its rating) or reopens it. Every move needs a reason.</summary>
public static class RequestTransitions
{
    private static readonly (string From, string To, bool Office, bool Comune)[] Moves =
    [
        (RequestStatuses.Submitted, RequestStatuses.InProgress, true, false),
        (RequestStatuses.Submitted, RequestStatuses.Waiting, true, false),
        (RequestStatuses.Submitted, RequestStatuses.Answered, true, false),
        (RequestStatuses.Submitted, RequestStatuses.Closed, true, true),
        (RequestStatuses.InProgress, RequestStatuses.Waiting, true, false),
        (RequestStatuses.InProgress, RequestStatuses.Answered, true, false),
        (RequestStatuses.InProgress, RequestStatuses.Closed, true, true),
        (RequestStatuses.Waiting, RequestStatuses.InProgress, true, true),
        (RequestStatuses.Waiting, RequestStatuses.Closed, true, true),
        (RequestStatuses.Answered, RequestStatuses.Closed, true, true),
        (RequestStatuses.Answered, RequestStatuses.InProgress, true, true),
    ];

    /// <summary>Null when <paramref name="side"/> may move the request from <paramref name="from"/> to <paramref name="to"/>;
    /// otherwise the reason it may not.</summary>
    public static string? Check(string from, string to, string side)
    {
        var move = Moves.FirstOrDefault(m => m.From == from && m.To == to);
        if (move == default)
            return $"Una richiesta «{RequestStatuses.Label(from)}» non può passare a «{RequestStatuses.Label(to)}».";
        if (side == RequestSides.Office ? !move.Office : !move.Comune)
            return side == RequestSides.Office
                ? "Questo passaggio spetta al Comune."
                : $"Il Comune non può portare la richiesta a «{RequestStatuses.Label(to)}»: spetta all'ufficio.";
        return null;
    }

    /// <summary>The statuses <paramref name="side"/> may move a request in <paramref name="from"/> to.</summary>
    public static IEnumerable<string> Next(string from, string side) =>
        Moves.Where(m => m.From == from && (side == RequestSides.Office ? m.Office : m.Comune)).Select(m => m.To);
}
