using Metropoli.Territory.Municipalities;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Metropoli.Tests.Infrastructure;

/// <summary>Test data with safe defaults: each call makes something new, so tests sharing a
/// database never step on each other's rows.</summary>
public static class Builders
{
    /// <summary>A new account through the same use case the admin pages call. Scoped roles get a
    /// valid default scope (Rho, Nord Ovest, ambiente) unless one is given.</summary>
    public static async Task<AppUser> CreateUserAsync(this MetropoliApp app, string role = Roles.ForumMember,
        string? municipality = null, string? zone = null, string? sector = null, string? email = null)
    {
        municipality ??= role == Roles.MunicipalityOfficer ? Demo.Rho : null;
        zone ??= role == Roles.ZoneCoordinator ? "nord-ovest" : null;
        sector ??= role == Roles.SectorOfficer ? "ambiente" : null;
        email ??= $"utente-{Guid.NewGuid():N}@test.example";
        return await app.WithScope(async sp =>
        {
            var (user, errors) = await UserAdmin.CreateAsync(sp.GetRequiredService<UserManager<AppUser>>(), sp.GetRequiredService<AppDbContext>(),
                new NewUser(email, "Utente di prova", role, MetropoliApp.DemoPassword, sector, municipality, zone),
                DateTime.UtcNow, CancellationToken.None);
            return user ?? throw new InvalidOperationException("Test user not created: " + string.Join("; ", errors.SelectMany(e => e.Value)));
        });
    }

    public static ContactsRequest Contacts(string? website = null, string? pec = null, string? phone = null)
    {
        var n = Random.Shared.Next(1000, 9999);
        return new ContactsRequest
        {
            Website = website ?? $"https://www.comune-{n}.example.it",
            Pec = pec ?? $"protocollo{n}@pec.comune.example.it",
            Phone = phone ?? $"+39 02 {n} 1234",
        };
    }
}
