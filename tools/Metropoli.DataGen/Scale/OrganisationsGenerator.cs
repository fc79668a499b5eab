using System.Globalization;
using Metropoli.Territory.Model;
using Metropoli.Platform.Identifiers;

namespace Metropoli.DataGen.Scale;

/// <summary>Companies, third-sector bodies, foundations, schools… with valid codici fiscali and partite IVA
/// (check digit computed by <see cref="IdentifierCheck.LuhnCheckDigit"/>), located in Comuni in proportion
/// to their population.</summary>
public static class OrganisationsGenerator
{
    private static readonly (string Type, string Prefix, double Weight, bool HasVat)[] Kinds =
    [
        (OrganisationTypes.ThirdSector, "Cooperativa sociale", 30, false),
        (OrganisationTypes.Other, "Impresa", 25, true),
        (OrganisationTypes.BusinessAssociation, "Associazione di imprese", 8, false),
        (OrganisationTypes.Foundation, "Fondazione", 8, false),
        (OrganisationTypes.ParticipatedCompany, "Società partecipata", 6, true),
        (OrganisationTypes.PublicBody, "Istituto comprensivo", 12, false),
        (OrganisationTypes.TradeUnion, "Sindacato territoriale", 3, false),
        (OrganisationTypes.University, "Università", 1, false),
        (OrganisationTypes.UnionOfMunicipalities, "Unione dei Comuni", 2, false),
    ];

    private static readonly string[] Words =
    [
        "Adda", "Ticino", "Navigli", "Brianza", "Martesana", "Olona", "Lambro", "Seveso", "Villoresi", "Parco Sud",
        "Insieme", "Futuro", "Solidale", "Verde", "Innovazione", "Comunità", "Lavoro", "Territorio", "Energia", "Acque",
    ];

    /// <summary>An 11-digit code: a 7-digit serial number (never zero), a 3-digit office code, the check digit.
    /// Bodies without a partita IVA have codes that start with 8 or 9.</summary>
    public static string FiscalCode(long serial, bool body)
    {
        var matricola = (body ? 9_000_000 : 1_000_000) + serial % 999_999 + 1;
        var office = 100 + serial / 999_999 % 900;
        var first10 = string.Create(CultureInfo.InvariantCulture, $"{matricola:0000000}{office:000}");
        return first10 + IdentifierCheck.LuhnCheckDigit(first10).ToString(CultureInfo.InvariantCulture);
    }

    public static IEnumerable<Organisation> Generate(ScaleWorld w, long firstId)
    {
        var kinds = new Randomness.Weighted<(string Type, string Prefix, double Weight, bool HasVat)>(Kinds, Kinds.Select(k => k.Weight));
        for (var i = 0; i < w.Profile.Organisations; i++)
        {
            var r = w.Random;
            var kind = kinds.Next(r);
            var comune = w.ComunePick.Next(r);
            var id = firstId + i;
            var code = FiscalCode(i, body: !kind.HasVat);
            var name = $"{kind.Prefix} {r.Pick(Words)} {comune.Name} {i + 1}";
            var slug = string.Create(CultureInfo.InvariantCulture, $"org{id}");
            w.OrganisationIds.Add(id);
            yield return new Organisation
            {
                Id = id,
                Name = name.Length > 200 ? name[..200] : name,
                Type = kind.Type,
                FiscalCode = code,
                VatNumber = kind.HasVat ? code : null,
                Address = $"Via {r.Pick(Words)} {r.Int(1, 200)}",
                PostalCode = comune.PostalCode.Length == 5 ? comune.PostalCode : "20100",
                City = comune.Name,
                Email = $"info@{slug}.example",
                Pec = r.Chance(0.6) ? $"{slug}@pec.example" : null,
                Phone = r.Chance(0.5) ? string.Create(CultureInfo.InvariantCulture, $"02 {r.Int(1000000, 9999999)}") : null,
                Website = r.Chance(0.4) ? $"https://www.{slug}.example" : null,
                UpdatedAt = w.Now,
            };
        }
    }
}
