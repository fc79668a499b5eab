using Metropoli.Platform.Data;

namespace Metropoli.Tests.Unit;

public sealed class TextSearchTests
{
    [Theory]
    [InlineData("Città", "citta")]
    [InlineData("PERCHÉ più", "perche piu")]
    [InlineData("Mobilità", "mobilita")]
    [InlineData("", "")]
    public void Fold_lowers_and_drops_accents(string text, string folded) => Assert.Equal(folded, TextSearch.Fold(text));

    [Theory]
    [InlineData("mobilita", "%mobilit_%")]
    [InlineData("Mobilità sostenibile", "%mobilit_ sostenibil_%")]
    [InlineData("100%_a", "%100\\%\\__%")]
    [InlineData("rho", "%rh_%")]
    public void Pattern_frees_the_last_vowel_of_each_word_and_escapes_the_rest(string query, string pattern) =>
        Assert.Equal(pattern, TextSearch.Pattern(query));

    [Theory]
    [InlineData("Piano della mobilità", "mobilita", true)]
    [InlineData("Piano della mobilita", "mobilità", true)]
    [InlineData("Piano della mobilite", "mobilita", false)]
    [InlineData(null, "x", false)]
    public void Matches_ignores_accents_and_case(string? text, string query, bool expected) =>
        Assert.Equal(expected, TextSearch.Matches(text, query));
}
