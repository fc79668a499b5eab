using Microsoft.AspNetCore.Identity;

namespace Metropoli.Platform.Auth;

/// <summary>Identity's messages, in Italian (the default language of Metropoli).</summary>
public sealed class ItalianIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"La password deve avere almeno {length} caratteri." };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "La password deve contenere almeno una cifra." };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "La password deve contenere almeno una lettera minuscola." };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "La password deve contenere almeno una lettera maiuscola." };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "La password attuale non è corretta." };
    public override IdentityError DuplicateEmail(string email) => new() { Code = nameof(DuplicateEmail), Description = $"L'indirizzo {email} è già usato da un altro utente." };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"Il nome utente {userName} è già usato." };
    public override IdentityError InvalidEmail(string? email) => new() { Code = nameof(InvalidEmail), Description = $"L'indirizzo e-mail '{email}' non è valido." };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"Il nome utente '{userName}' non è valido." };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "L'utente è stato modificato da qualcun altro. Ricarica e riprova." };
    public override IdentityError InvalidToken() => new() { Code = nameof(InvalidToken), Description = "Codice non valido." };
    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"L'utente ha già il ruolo {Roles.Label(role)}." };
}
