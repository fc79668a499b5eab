using Metropoli.Agreements.Contracts;
using Metropoli.Agreements.Model;
using Metropoli.Platform.Data;

namespace Metropoli.Agreements;

/// <summary>The agreements as other modules read them (<see cref="IAgreementQueries"/>).</summary>
internal sealed class AgreementQueries(AppDbContext db) : IAgreementQueries
{
    public IQueryable<AgreementRef> Agreements => db.Set<Agreement>().Select(a => new AgreementRef
    {
        Id = a.Id, Number = a.Number, Title = a.Title, Type = a.Type, Status = a.Status, EffectiveDate = a.EffectiveDate,
        ExpiryDate = a.ExpiryDate, IsPublic = a.Visibility == AgreementVisibility.Public,
    });

    public IQueryable<AgreementPartyRef> Parties => db.Set<AgreementParty>()
        .Join(db.Reads<ITerritoryQueries>().Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new AgreementPartyRef
        {
            AgreementId = p.AgreementId, OrganisationId = p.OrganisationId, Role = p.Role, MunicipalityIstat = o.MunicipalityIstat,
        });

    public IQueryable<AgreementRef> InForceOn(DateOnly date) => Agreements.Where(a => a.Status == AgreementStatuses.InForce
        && (a.EffectiveDate == null || a.EffectiveDate <= date) && (a.ExpiryDate == null || a.ExpiryDate >= date));
}
