namespace Metropoli.Agreements.Contracts;

/// <summary>What other modules may read of the agreements: agreements and their parties as queryable rows bound to the
/// caller's database context (a join with the caller's tables is one SQL statement), never the module's entities.
/// The shared services (issue 21) read it to tell whether a Comune has joined a service: an adhesion is a convention
/// in force to which the Comune is a party.</summary>
public interface IAgreementQueries
{
    /// <summary>Every agreement, whatever its status and visibility (the caller decides what it shows).</summary>
    IQueryable<AgreementRef> Agreements { get; }

    /// <summary>The parties of every agreement, with the ISTAT code of the Comune when the party is one.</summary>
    IQueryable<AgreementPartyRef> Parties { get; }

    /// <summary>The agreements in force on <paramref name="date"/>: status «in force», effective by then (or without
    /// an effective date) and not expired before it.</summary>
    IQueryable<AgreementRef> InForceOn(DateOnly date);
}

public static class AgreementsContract
{
    /// <summary>The module's name (<c>IMetropoliModule.Name</c>, read-model key).</summary>
    public const string Module = "agreements";

    /// <summary>What another module's model may point a foreign key at (ADR 0026), by id.</summary>
    public const string AgreementEntity = "agreements.agreement";

    /// <summary>The status code of an agreement in force.</summary>
    public const string InForce = "in-force";
}

public sealed class AgreementRef
{
    public long Id { get; init; }
    public string? Number { get; init; }
    public string Title { get; init; } = "";
    /// <summary>The agreement's type code ("convention", "protocol"…).</summary>
    public string Type { get; init; } = "";
    public string Status { get; init; } = "";
    public DateOnly? EffectiveDate { get; init; }
    public DateOnly? ExpiryDate { get; init; }
    /// <summary>Public visibility (the public register shows it once in force).</summary>
    public bool IsPublic { get; init; }
}

public sealed class AgreementPartyRef
{
    public long AgreementId { get; init; }
    public long OrganisationId { get; init; }
    /// <summary>promoter, lead, signatory or adherent.</summary>
    public string Role { get; init; } = "";
    /// <summary>The Comune the party is, when it is one.</summary>
    public string? MunicipalityIstat { get; init; }
}
