using System.Globalization;
using Metropoli.Platform.Auth;
using Microsoft.AspNetCore.Identity;

namespace Metropoli.DataGen.Scale;

/// <summary>Accounts in every role, scoped as the app requires: sector officers to a sector (busy sectors
/// get more), municipality officers to a Comune (at least one each, the rest by population), zone
/// coordinators to a zone. All share one password hash, computed once: hashing ten thousand passwords
/// would only measure PBKDF2.</summary>
public static class UsersGenerator
{
    private static readonly (string Role, double Share)[] Shares =
    [
        (Roles.Administrator, 0.005), (Roles.PlanOffice, 0.02), (Roles.SectorOfficer, 0.25),
        (Roles.MunicipalityOfficer, 0.50), (Roles.ZoneCoordinator, 0.025), (Roles.ForumMember, 0.20),
    ];

    private static readonly string[] FirstNames =
    [
        "Giulia", "Marco", "Francesca", "Luca", "Chiara", "Andrea", "Sara", "Matteo", "Elena", "Davide", "Valentina", "Simone",
        "Martina", "Alessandro", "Federica", "Stefano", "Paola", "Roberto", "Laura", "Giorgio", "Silvia", "Paolo", "Anna", "Fabio",
    ];

    private static readonly string[] LastNames =
    [
        "Rossi", "Colombo", "Ferrari", "Bianchi", "Romano", "Brambilla", "Galli", "Fontana", "Villa", "Sala", "Riva", "Conti",
        "Mariani", "Barbieri", "Lombardi", "Moretti", "Cattaneo", "Longoni", "Redaelli", "Mauri", "Crippa", "Bassi", "Pozzi", "Caprotti",
    ];

    public static IEnumerable<(AppUser User, IdentityUserRole<string> Role)> Generate(ScaleWorld w, string passwordHash)
    {
        var total = w.Profile.Users;
        var r = w.Random;
        var comuneIndex = 0;
        var roles = Shares.Select(s => s.Role).ToArray();
        var rolePick = new Randomness.Weighted<string>(roles, Shares.Select(s => s.Share));
        for (var i = 0; i < total; i++)
        {
            // The first users take one of each role, so that even tiny has every role.
            var role = i < roles.Length ? roles[i] : rolePick.Next(r);
            string? sector = null, istat = null, zone = null;
            switch (role)
            {
                case Roles.SectorOfficer: sector = w.SectorPick.Next(r); break;
                case Roles.MunicipalityOfficer:
                    istat = comuneIndex < w.Comuni.Count ? w.Comuni[comuneIndex++].Istat : w.ComunePick.Next(r).Istat;
                    break;
                case Roles.ZoneCoordinator: zone = r.Pick(w.Zones); break;
            }
            var first = r.Pick(FirstNames);
            var last = r.Pick(LastNames);
            var email = string.Create(CultureInfo.InvariantCulture, $"{first}.{last}.{i + 1}@utenti.metropoli.example").ToLowerInvariant();
            var id = DeterministicGuid(r).ToString();
            var user = new AppUser
            {
                Id = id,
                UserName = email,
                NormalizedUserName = email.ToUpperInvariant(),
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                EmailConfirmed = true,
                PasswordHash = passwordHash,
                SecurityStamp = DeterministicGuid(r).ToString("N").ToUpperInvariant(),
                ConcurrencyStamp = DeterministicGuid(r).ToString(),
                LockoutEnabled = true,
                DisplayName = $"{first} {last}",
                SectorCode = sector,
                MunicipalityIstat = istat,
                ZoneCode = zone,
                IsDisabled = r.Chance(0.01),
                CreatedAt = r.Time(r.Date(new DateOnly(2019, 1, 7), w.Today)),
            };
            var person = new ScaleWorld.Person(id, user.DisplayName, email, role, sector);
            w.People.Add(person);
            if (role == Roles.SectorOfficer)
            {
                if (!w.OfficersBySector.TryGetValue(sector!, out var list)) w.OfficersBySector[sector!] = list = [];
                list.Add(person);
            }
            if (role == Roles.PlanOffice) w.PlanOffice.Add(person);
            yield return (user, new IdentityUserRole<string> { UserId = id, RoleId = w.RoleIds[role] });
        }
    }

    private static Guid DeterministicGuid(Randomness r)
    {
        Span<byte> bytes = stackalloc byte[16];
        for (var i = 0; i < 16; i++) bytes[i] = (byte)r.Int(0, 256);
        bytes[7] = (byte)(bytes[7] & 0x0F | 0x40); // version 4 layout, as Identity's own ids
        bytes[8] = (byte)(bytes[8] & 0x3F | 0x80);
        return new Guid(bytes);
    }
}
