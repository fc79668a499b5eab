using Metropoli.Platform.Auth;

namespace Metropoli.Tests.Platform.Accounts;

/// <summary>Issue 18, point 17: length over composition, and a block list of common and context-specific passwords.</summary>
public sealed class PasswordPolicyTests
{
    private static readonly AppUser Silvia = new() { Email = "silvia.rossi@metropoli.example", UserName = "silvia.rossi@metropoli.example", DisplayName = "Silvia Rossi" };

    [Theory]
    [InlineData("Password1234")]
    [InlineData("Metropoli2026")]
    [InlineData("P4ssw0rd2026!")]
    [InlineData("Milano!!2025")]
    [InlineData("Juventus1897")]
    [InlineData("123456789012")]
    [InlineData("aaaaaaaaaaaa")]
    [InlineData("Qwertyuiop12")]
    [InlineData("ciaociao2024")]
    public void Common_passwords_are_refused(string password) =>
        Assert.Contains("troppo comune", PasswordPolicy.Check(password, Silvia));

    [Theory]
    [InlineData("SilviaRossi1990")]
    [InlineData("Rossi.2026!!")]
    [InlineData("silvia-2026-02")]
    public void The_users_name_or_e_mail_with_digits_is_refused(string password) =>
        Assert.Contains("il tuo nome", PasswordPolicy.Check(password, Silvia));

    [Theory]
    [InlineData("Prova-Metropoli-2026")] // the tests' and browser tests' demo password
    [InlineData("cavallo batteria graffetta")]
    [InlineData("tramonto sul naviglio grande")]
    [InlineData("xk7pqm2nr4twz9ab")] // long and random, without capitals or symbols
    public void Long_unpredictable_passwords_are_accepted_without_composition_rules(string password) =>
        Assert.Null(PasswordPolicy.Check(password, Silvia));

    [Fact]
    public void A_generated_password_is_always_accepted()
    {
        for (var i = 0; i < 200; i++)
        {
            var password = Metropoli.Platform.Data.Startup.NewPassword();
            Assert.True(PasswordPolicy.Check(password, Silvia) is null, password);
        }
    }
}
