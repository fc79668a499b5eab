using System.Buffers.Binary;
using Metropoli.Tests.Infrastructure;
using Metropoli.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Metropoli.Tests.Platform.Auth;

/// <summary><c>Security:PasswordHashIterations</c> sets the PBKDF2 cost of Identity's hashes; unset, the cost
/// is Identity's own default. The tests set it low (<see cref="MetropoliApp.PasswordHashIterations"/>).</summary>
public sealed class PasswordHashingTests(AppFixture fx) : IClassFixture<AppFixture>
{
    /// <summary>The iteration count written into an Identity V3 hash: format byte, PRF, then the count (big-endian).</summary>
    public static int Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }

    [Fact]
    public async Task The_configured_iteration_count_is_used_for_new_hashes_and_the_demo_accounts()
    {
        Assert.Equal(MetropoliApp.PasswordHashIterations, fx.App.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount);
        var fresh = await fx.App.WithScope(sp => Task.FromResult(sp.GetRequiredService<IPasswordHasher<AppUser>>().HashPassword(new AppUser(), MetropoliApp.DemoPassword)));
        Assert.Equal(MetropoliApp.PasswordHashIterations, Iterations(fresh));
        var stored = await fx.App.WithDb(db => db.Users.Select(u => u.PasswordHash!).ToListAsync());
        Assert.Equal(6, stored.Count);
        Assert.All(stored, h => Assert.Equal(MetropoliApp.PasswordHashIterations, Iterations(h)));
        Assert.True((await Security.LoginProbe.TryAsync(fx.App, Demo.Forum, MetropoliApp.DemoPassword)).SignedIn);
    }
}
