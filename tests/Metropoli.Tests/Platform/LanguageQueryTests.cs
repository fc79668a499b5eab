using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform;

/// <summary>A page asked for in a language by its query string (<c>?culture=en</c>) answers in it; Italian otherwise.</summary>
public sealed class LanguageQueryTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("", "it")]
    [InlineData("?culture=en", "en")]
    [InlineData("?culture=en-GB", "en")]
    [InlineData("?culture=it", "it")]
    [InlineData("?culture=fr", "it")]
    public async Task The_query_string_chooses_the_language(string query, string lang)
    {
        var html = await fx.App.Anonymous().Html("/comuni" + query);
        Assert.Contains($"<html lang=\"{lang}\"", html);
    }
}
