using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Metropoli.Platform.Modules;

/// <summary>Settings bound from a configuration section and checked when the host starts: a wrong value stops the
/// start with a message naming the key ("RateLimits:ApiPermitLimit = -1: …") instead of failing later, at the first
/// request or the first job that reads it. The rules are data annotations on the options class, or a validator.</summary>
public static class ValidatedOptions
{
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, IConfiguration configuration, string section)
        where T : class
    {
        services.AddSingleton<IValidateOptions<T>>(new SectionAnnotations<T>(section));
        return services.AddOptions<T>().Bind(configuration.GetSection(section)).ValidateOnStart();
    }

    /// <summary>The data annotations of <typeparamref name="T"/>, each failure named by its configuration key.</summary>
    private sealed class SectionAnnotations<T>(string section) : IValidateOptions<T> where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options)
        {
            var results = new List<ValidationResult>();
            if (Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true))
            {
                return ValidateOptionsResult.Success;
            }
            return ValidateOptionsResult.Fail(results.SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(member => Describe(options, member, r.ErrorMessage))));
        }

        private string Describe(T options, string member, string? error)
        {
            if (member.Length == 0) return $"{section}: {error}";
            var value = typeof(T).GetProperty(member)?.GetValue(options);
            var shown = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "(vuoto)";
            return $"{section}:{member} = {shown}: {error}";
        }
    }
}
