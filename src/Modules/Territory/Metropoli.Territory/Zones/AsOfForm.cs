namespace Metropoli.Territory.Zones;

/// <summary>The "composition on a day" picker of the zone pages: a GET form, so it works without
/// JavaScript and the chosen day stays in the address (bookmarkable, shareable).</summary>
public sealed record AsOfForm(string? Date, bool Invalid, DateOnly Today);
