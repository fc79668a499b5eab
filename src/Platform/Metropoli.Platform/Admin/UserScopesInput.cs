using Metropoli.Platform.Modules;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Admin;

public sealed record Option(string Code, string Name);

/// <summary>Role and scopes as edited on the new-user and edit-user forms.</summary>
public sealed class UserScopesInput
{
    public string Role { get; set; } = Roles.MunicipalityOfficer;
    public string? MunicipalityIstat { get; set; }
    public string? ZoneCode { get; set; }
    public string? SectorCode { get; set; }

    /// <summary>The person's codice fiscale, for SPID/CIE sign-in (ADR 0049); optional.</summary>
    public string? FiscalCode { get; set; }

    [BindNever]
    public IReadOnlyList<Option> Municipalities { get; set; } = [];
    [BindNever]
    public IReadOnlyList<Option> Zones { get; set; } = [];

    public async Task LoadOptionsAsync(AppDbContext db, CancellationToken ct)
    {
        Municipalities = await db.Reads<IScopeDirectory>().Municipalities.OrderBy(m => m.Name).Select(m => new Option(m.Code, m.Name)).ToListAsync(ct);
        Zones = await db.Reads<IScopeDirectory>().Zones.OrderBy(z => z.SortOrder).Select(z => new Option(z.Code, z.Name)).ToListAsync(ct);
    }

    /// <summary>Only the scope that goes with the role is kept. A zone coordinator keeps their zone and the Comune whose
    /// mayor they are (ADR 0043): it decides when they hold the coordinator term.</summary>
    public (string? Municipality, string? Zone, string? Sector) Relevant() => Role switch
    {
        Roles.MunicipalityOfficer => (MunicipalityIstat, null, null),
        Roles.ZoneCoordinator => (MunicipalityIstat, ZoneCode, null),
        Roles.SectorOfficer => (null, null, SectorCode),
        _ => (null, null, null),
    };

    public static void AddErrors(ModelStateDictionary state, Dictionary<string, string[]> errors, Func<string, string> localize)
    {
        foreach (var (field, messages) in errors)
        {
            var key = field switch
            {
                "role" => "Scopes.Role",
                "municipalityIstat" => "Scopes.MunicipalityIstat",
                "zoneCode" => "Scopes.ZoneCode",
                "sectorCode" => "Scopes.SectorCode",
                "fiscalCode" => "Scopes.FiscalCode",
                "displayName" => "Input.DisplayName",
                "password" => "Input.Password",
                _ => string.Empty,
            };
            foreach (var m in messages)
            {
                state.AddModelError(key, localize(m));
            }
        }
    }
}
