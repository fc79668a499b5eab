namespace Metropoli.Platform.Data;

/// <summary>Database objects the baseline migrations create beside the EF model, because the model cannot express
/// them (docs/adr/0022, 0027). Named here so that the search, the schema comparison and the tests agree on them.</summary>
public static class SchemaExtras
{
    /// <summary>SQLite: the FTS5 table (trigram tokenizer, external content) over the agreements' title, number and
    /// subject, kept by <see cref="AgreementSearchTriggers"/>. FTS5 keeps its own tables beside it, named
    /// <c>agreement_search_data</c>, <c>…_idx</c>, <c>…_docsize</c>, <c>…_config</c>.</summary>
    public const string AgreementSearchTable = "agreement_search";

    public static readonly IReadOnlyList<string> AgreementSearchTriggers = ["agreement_search_insert", "agreement_search_delete", "agreement_search_update"];

    /// <summary>PostgreSQL: the pg_trgm GIN index on the lower-cased title, number and subject; absent where the
    /// extension cannot be created (the search then reads the table).</summary>
    public const string AgreementSearchIndex = "IX_agreement_agreements_search_trgm";
}
