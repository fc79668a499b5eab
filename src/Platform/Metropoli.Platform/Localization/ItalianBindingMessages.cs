using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace Metropoli.Platform.Localization;

/// <summary>Form-binding messages in Italian: a value typed into a number field that is not a number
/// must come back with a clear message next to the field, not ASP.NET's English default.</summary>
public static class ItalianBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        p.SetValueMustBeANumberAccessor(field => $"Il campo {field} deve essere un numero.");
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"Il valore '{value}' non è valido per il campo {field}.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Il valore '{value}' non è valido.");
        p.SetUnknownValueIsInvalidAccessor(field => $"Il valore indicato non è valido per il campo {field}.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Il valore indicato non è valido.");
        p.SetValueIsInvalidAccessor(value => $"Il valore '{value}' non è valido.");
        p.SetMissingBindRequiredValueAccessor(field => $"Manca il valore del campo {field}.");
        p.SetMissingKeyOrValueAccessor(() => "Manca un valore obbligatorio.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Manca il corpo della richiesta.");
        p.SetValueMustNotBeNullAccessor(value => $"Il valore '{value}' non può essere vuoto.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Il valore deve essere un numero.");
    }
}
