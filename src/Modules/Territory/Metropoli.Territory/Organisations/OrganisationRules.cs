using System.ComponentModel.DataAnnotations;
using Metropoli.Territory.Model;
using Metropoli.Territory.Municipalities;
using Metropoli.Platform.Data;
using Metropoli.Platform.Identifiers;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Organisations;

/// <summary>What a user (form, API or CSV row) says about an organisation.</summary>
public sealed record OrganisationRequest
{
    [Display(Name = "Denominazione")]
    public string? Name { get; init; }
    /// <summary>One of the type codes (region, municipality, university…); the Italian label is accepted too.</summary>
    [Display(Name = "Tipo")]
    public string? Type { get; init; }
    [Display(Name = "Codice fiscale")]
    public string? FiscalCode { get; init; }
    [Display(Name = "Partita IVA")]
    public string? VatNumber { get; init; }
    [Display(Name = "Codice IPA")]
    public string? IpaCode { get; init; }
    /// <summary>The ISTAT code of the Comune this organisation is (type municipality only).</summary>
    [Display(Name = "Codice ISTAT del Comune")]
    public string? MunicipalityIstat { get; init; }
    [Display(Name = "Indirizzo")]
    public string? Address { get; init; }
    [Display(Name = "CAP")]
    public string? PostalCode { get; init; }
    [Display(Name = "Città")]
    public string? City { get; init; }
    [Display(Name = "E-mail")]
    public string? Email { get; init; }
    [Display(Name = "PEC")]
    public string? Pec { get; init; }
    [Display(Name = "Telefono")]
    public string? Phone { get; init; }
    [Display(Name = "Sito web")]
    public string? Website { get; init; }

    public static OrganisationRequest From(OrganisationDetail o) => new()
    {
        Name = o.Name, Type = o.Type, FiscalCode = o.FiscalCode, VatNumber = o.VatNumber, IpaCode = o.IpaCode,
        MunicipalityIstat = o.MunicipalityIstat, Address = o.Address, PostalCode = o.PostalCode, City = o.City,
        Email = o.Email, Pec = o.Pec, Phone = o.Phone, Website = o.Website,
    };
}

/// <summary>The rules every way of writing an organisation shares: create, edit, CSV import.
/// Field errors are keyed by the API's camelCase names.</summary>
public static class OrganisationRules
{
    public const string DuplicateFiscalCode = "Esiste già un'organizzazione con questo codice fiscale.";

    /// <summary>Checks each field on its own and returns the values to store: trimmed, blanks as null,
    /// codes normalised (upper-case fiscal codes, lower-case IPA code, type code for a label).</summary>
    public static (Dictionary<string, string[]> Errors, OrganisationRequest Normalized) Check(OrganisationRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        var name = Blank(r.Name);
        if (name is null)
        {
            errors["name"] = ["Indica la denominazione."];
        }
        else if (name.Length > 200)
        {
            errors["name"] = ["La denominazione non può superare 200 caratteri."];
        }

        var type = ParseType(r.Type);
        if (type is null)
        {
            errors["type"] = [Blank(r.Type) is null ? "Scegli il tipo di organizzazione." : "Tipo non valido: scegli uno dei tipi previsti."];
        }

        var fiscalCode = Identifier(r.FiscalCode, IdentifierCheck.ValidateCodiceFiscale, "fiscalCode", errors);
        var vatNumber = Identifier(r.VatNumber, IdentifierCheck.ValidatePartitaIva, "vatNumber", errors);
        var ipaCode = Identifier(r.IpaCode, IdentifierCheck.ValidateIpaCode, "ipaCode", errors);
        var istat = Identifier(r.MunicipalityIstat, IdentifierCheck.ValidateIstatComune, "municipalityIstat", errors);
        if (istat is not null && type is not null && type != OrganisationTypes.Municipality)
        {
            errors["municipalityIstat"] = ["Solo un'organizzazione di tipo Comune può essere collegata a un Comune."];
        }

        var address = Blank(r.Address);
        if (address is { Length: > 200 }) errors["address"] = ["L'indirizzo non può superare 200 caratteri."];
        var postalCode = Blank(r.PostalCode);
        if (postalCode is not null && (postalCode.Length != 5 || !postalCode.All(char.IsAsciiDigit)))
        {
            errors["postalCode"] = ["Il CAP è composto da 5 cifre."];
        }
        var city = Blank(r.City);
        if (city is { Length: > 100 }) errors["city"] = ["La città non può superare 100 caratteri."];
        var email = Blank(r.Email);
        if (email is not null && (email.Length > 200 || email.Contains(' ') || !new EmailAddressAttribute().IsValid(email)))
        {
            errors["email"] = ["Indica un indirizzo e-mail valido, per esempio info@esempio.it."];
        }
        // Website, PEC and telephone follow the same rules as a Comune's contacts.
        foreach (var (field, messages) in UpdateContacts.Validate(new ContactsRequest { Website = r.Website?.Trim(), Pec = r.Pec?.Trim(), Phone = r.Phone?.Trim() }))
        {
            errors[field] = messages;
        }

        return (errors, new OrganisationRequest
        {
            Name = name, Type = type, FiscalCode = fiscalCode, VatNumber = vatNumber, IpaCode = ipaCode,
            MunicipalityIstat = istat, Address = address, PostalCode = postalCode, City = city, Email = email,
            Pec = Blank(r.Pec), Phone = Blank(r.Phone), Website = Blank(r.Website),
        });
    }

    /// <summary>The rules that need the database: a fiscal code is unique, and the Comune exists and is
    /// not already linked to another organisation. <paramref name="exceptId"/> is the record being edited.</summary>
    public static async Task CheckStoredAsync(AppDbContext db, OrganisationRequest normalized, long? exceptId, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var organisations = db.Set<Organisation>().AsNoTracking().Where(o => exceptId == null || o.Id != exceptId);
        if (normalized.FiscalCode is { } fc && !errors.ContainsKey("fiscalCode")
            && await organisations.AnyAsync(o => o.FiscalCode == fc, ct))
        {
            errors["fiscalCode"] = [DuplicateFiscalCode];
        }
        if (normalized.MunicipalityIstat is { } istat && !errors.ContainsKey("municipalityIstat"))
        {
            if (!await db.Set<Municipality>().AnyAsync(m => m.IstatCode == istat, ct))
            {
                errors["municipalityIstat"] = ["Nessun Comune della Città metropolitana ha questo codice ISTAT."];
            }
            else if (await organisations.AnyAsync(o => o.MunicipalityIstat == istat, ct))
            {
                errors["municipalityIstat"] = ["Questo Comune è già collegato a un'altra organizzazione."];
            }
        }
    }

    public static void Apply(OrganisationRequest normalized, Organisation o, DateTime now)
    {
        o.Name = normalized.Name!;
        o.Type = normalized.Type!;
        o.FiscalCode = normalized.FiscalCode;
        o.VatNumber = normalized.VatNumber;
        o.IpaCode = normalized.IpaCode;
        o.MunicipalityIstat = normalized.MunicipalityIstat;
        o.Address = normalized.Address;
        o.PostalCode = normalized.PostalCode;
        o.City = normalized.City;
        o.Email = normalized.Email;
        o.Pec = normalized.Pec;
        o.Phone = normalized.Phone;
        o.Website = normalized.Website;
        o.UpdatedAt = now;
    }

    /// <summary>A type code, or the Italian label of one (as people write it in a spreadsheet).</summary>
    public static string? ParseType(string? value)
    {
        var s = Blank(value);
        if (s is null)
        {
            return null;
        }
        return OrganisationTypes.All.FirstOrDefault(t =>
            string.Equals(t, s, StringComparison.OrdinalIgnoreCase)
            || string.Equals(OrganisationTypes.Label(t), s, StringComparison.InvariantCultureIgnoreCase));
    }

    private static string? Identifier(string? value, Func<string?, IdentifierResult> check, string field, Dictionary<string, string[]> errors)
    {
        if (Blank(value) is null)
        {
            return null;
        }
        var result = check(value);
        if (!result.Ok)
        {
            errors[field] = [result.Error!];
        }
        return result.Normalized;
    }

    internal static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
