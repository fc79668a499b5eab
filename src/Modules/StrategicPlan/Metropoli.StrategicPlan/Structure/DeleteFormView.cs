namespace Metropoli.StrategicPlan.Structure;

/// <summary>What the delete step of an edit page shows.</summary>
public sealed record DeleteFormView(string Summary, string Explanation, int Version);
