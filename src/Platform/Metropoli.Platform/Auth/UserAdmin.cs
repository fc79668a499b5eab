using Metropoli.Platform.Modules;
using Metropoli.Platform.Api;
using Metropoli.Platform.Data;
using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Auth;

public sealed record UserRow(string Id, string UserName, string Email, string DisplayName, IReadOnlyList<string> Roles,
    string? SectorCode, string? MunicipalityIstat, string? ZoneCode, long? OrganisationId, bool Disabled, bool TwoFactorEnabled,
    DateTimeOffset? LockedOutUntil, string? FiscalCode);

public sealed record NewUser(string Email, string DisplayName, string Role, string? Password,
    string? SectorCode = null, string? MunicipalityIstat = null, string? ZoneCode = null, long? OrganisationId = null,
    bool MustChangePassword = false, string? FiscalCode = null);

/// <summary>User administration: the admin pages, the API and the CLI all come through here.</summary>
public static class UserAdmin
{
    public static readonly string[] Sortable = ["email", "displayName"];

    public static async Task<Dictionary<string, string[]>> ValidateScopesAsync(AppDbContext db, string role,
        string? sector, string? municipality, string? zone, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Roles.All.Contains(role))
        {
            errors["role"] = [$"Ruolo sconosciuto. Valori ammessi: {string.Join(", ", Roles.All)}."];
            return errors;
        }
        if (role == Roles.MunicipalityOfficer)
        {
            if (string.IsNullOrWhiteSpace(municipality))
            {
                errors["municipalityIstat"] = ["Un referente comunale deve essere associato a un Comune (codice ISTAT)."];
            }
            else if (!await db.Reads<IScopeDirectory>().Municipalities.AnyAsync(m => m.Code == municipality, ct))
            {
                errors["municipalityIstat"] = [$"Il codice ISTAT {municipality} non corrisponde a nessun Comune."];
            }
        }
        if (role == Roles.ZoneCoordinator)
        {
            if (string.IsNullOrWhiteSpace(zone))
            {
                errors["zoneCode"] = ["Un coordinatore di zona deve essere associato a una zona."];
            }
            else if (!await db.Reads<IScopeDirectory>().Zones.AnyAsync(z => z.Code == zone, ct))
            {
                errors["zoneCode"] = [$"La zona {zone} non esiste."];
            }
            // The Comune is optional (an account without one has no coordinator power) but must be of the zone.
            else if (!string.IsNullOrWhiteSpace(municipality)
                     && !await db.Reads<IScopeDirectory>().Municipalities.AnyAsync(m => m.Code == municipality && m.ZoneCode == zone, ct))
            {
                errors["municipalityIstat"] = ["Il Comune del coordinatore deve essere uno dei Comuni della sua zona."];
            }
        }
        if (role == Roles.SectorOfficer && string.IsNullOrWhiteSpace(sector))
        {
            errors["sectorCode"] = ["Un referente di settore deve essere associato a un settore."];
        }
        else if (role == Roles.SectorOfficer)
        {
            await Sectors.SectorRegistry.CheckAsync(db, sector!.Trim(), null, errors, "sectorCode", ct);
        }
        return errors;
    }

    public static async Task<(AppUser? User, Dictionary<string, string[]> Errors)> CreateAsync(
        UserManager<AppUser> users, AppDbContext db, NewUser request, DateTime now, CancellationToken ct)
    {
        var errors = await ValidateScopesAsync(db, request.Role, request.SectorCode, request.MunicipalityIstat, request.ZoneCode, ct);
        var fiscalCode = await CheckFiscalCodeAsync(db, request.FiscalCode, null, errors, ct);
        if (string.IsNullOrWhiteSpace(request.DisplayName))
        {
            errors["displayName"] = ["Indica nome e cognome."];
        }
        if (errors.Count > 0)
        {
            return (null, errors);
        }
        var user = new AppUser
        {
            UserName = request.Email.Trim(),
            Email = request.Email.Trim(),
            EmailConfirmed = true,
            DisplayName = request.DisplayName.Trim(),
            SectorCode = Blank(request.SectorCode),
            MunicipalityIstat = Blank(request.MunicipalityIstat),
            ZoneCode = Blank(request.ZoneCode),
            OrganisationId = request.OrganisationId,
            FiscalCode = fiscalCode,
            CreatedAt = now,
            MustChangePassword = request.MustChangePassword && request.Password is not null,
        };
        var result = request.Password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, request.Password);
        if (!result.Succeeded)
        {
            return (null, ToErrors(result, "password"));
        }
        await users.AddToRoleAsync(user, request.Role);
        return (user, errors);
    }

    public static async Task<IdentityResult> SetRoleAsync(UserManager<AppUser> users, AppUser user, string role)
    {
        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current);
        if (!removed.Succeeded)
        {
            return removed;
        }
        var added = await users.AddToRoleAsync(user, role);
        if (added.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user); // sessions pick up the new role
        }
        return added;
    }

    /// <summary>Disables or enables an account. Disabling ends its sessions at once (server-side sessions, ADR 0030)
    /// and revokes its access tokens (re-enabling does not bring them back); the rotated stamp ends any other within a minute.</summary>
    public static async Task<IdentityResult> SetDisabledAsync(UserManager<AppUser> users, AppDbContext db, AppUser user, bool disabled)
    {
        user.IsDisabled = disabled;
        user.LockoutEnabled = true;
        user.LockoutEnd = disabled ? DateTimeOffset.MaxValue : null;
        var result = await users.UpdateAsync(user);
        if (result.Succeeded)
        {
            await users.UpdateSecurityStampAsync(user); // ends the user's open sessions within a minute
            if (disabled)
            {
                // Re-enabling the account must not bring its tokens back (issue 18, point 13).
                await AccessTokens.RevokeAllAsync(db, user.Id, DateTime.UtcNow, CancellationToken.None);
                await DatabaseTicketStore.EndSessionsAsync(db, user.Id, null, CancellationToken.None);
            }
        }
        return result;
    }

    public static async Task<Paged<UserRow>> ListAsync(AppDbContext db, ListQuery query, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Q))
        {
            var q = query.Q.Trim().ToLower();
            users = users.Where(u => u.Email!.ToLower().Contains(q) || u.DisplayName.ToLower().Contains(q));
        }
        var (key, desc) = query.SortOrDefault("email");
        users = (key, desc) switch
        {
            ("displayName", false) => users.OrderBy(u => u.DisplayName),
            ("displayName", true) => users.OrderByDescending(u => u.DisplayName),
            (_, true) => users.OrderByDescending(u => u.Email),
            _ => users.OrderBy(u => u.Email),
        };
        var total = await users.CountAsync(ct);
        var page = await users.Skip(query.EffectiveOffset).Take(query.EffectiveLimit).ToListAsync(ct);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var items = page.Select(u => ToRow(u, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToList())).ToList();
        return new Paged<UserRow>(items, total, query.EffectiveLimit, query.EffectiveOffset);
    }

    public static UserRow ToRow(AppUser u, IReadOnlyList<string> roles) =>
        new(u.Id, u.UserName ?? "", u.Email ?? "", u.DisplayName, roles, u.SectorCode, u.MunicipalityIstat, u.ZoneCode,
            u.OrganisationId, u.IsDisabled, u.TwoFactorEnabled, u.LockoutEnd is { } l && l > DateTimeOffset.UtcNow ? l : null, u.FiscalCode);

    /// <summary>A codice fiscale for SPID/CIE sign-in: blank is none; otherwise a valid personal code held by no other
    /// account. Adds its message under "fiscalCode" and gives the normalised value.</summary>
    public static async Task<string?> CheckFiscalCodeAsync(AppDbContext db, string? value, string? exceptUserId,
        Dictionary<string, string[]> errors, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var check = Identifiers.IdentifierCheck.ValidateCodiceFiscalePersona(value);
        if (!check.Ok)
        {
            errors["fiscalCode"] = [check.Error!];
            return null;
        }
        if (await db.Users.AnyAsync(u => u.FiscalCode == check.Normalized && u.Id != exceptUserId, ct))
        {
            errors["fiscalCode"] = ["Questo codice fiscale è già associato a un altro account."];
            return null;
        }
        return check.Normalized;
    }

    public static Dictionary<string, string[]> ToErrors(IdentityResult result, string field) =>
        new() { [field] = result.Errors.Select(e => e.Description).ToArray() };

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    public static void MapUsersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Utenti").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", async Task<Results<Ok<Paged<UserRow>>, ValidationProblem>> ([AsParameters] ListQuery query, AppDbContext db, CancellationToken ct) =>
            {
                var errors = query.Validate(Sortable);
                return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(await ListAsync(db, query, ct));
            })
            .WithName("listUsers").WithSummary("Elenco degli utenti (solo amministratori).");
        group.MapGet("/{id}", async Task<Results<Ok<UserRow>, ProblemHttpResult>> (string id, AppDbContext db, UserManager<AppUser> users, CancellationToken ct) =>
            {
                var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
                if (user is null)
                {
                    return Problems.NotFound.Result("Utente inesistente.");
                }
                return TypedResults.Ok(ToRow(user, (await users.GetRolesAsync(user)).ToList()));
            })
            .WithName("getUser").WithSummary("Un utente (solo amministratori).").ProducesProblem(404);
    }
}
