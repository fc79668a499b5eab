using System.Globalization;
using Metropoli.Platform.Ui;

namespace Metropoli.Tests.Unit;

/// <summary>Issue 18.4–18.5: one formatter per culture for numbers, percentages, quantities, lists and instants
/// (Milan's clock, one format), so "18500 numero", "46,3 %", "74%" and "… UTC" no longer sit side by side.</summary>
public sealed class FormatsTests
{
    private static T In<T>(string culture, Func<T> f)
    {
        var (c, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { return f(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (c, ui); }
    }

    [Theory]
    [InlineData("it-IT", 46.25, "46,3%")]
    [InlineData("it-IT", 74, "74%")]
    [InlineData("it-IT", 100.0, "100%")]
    [InlineData("en-GB", 46.25, "46.3%")]
    public void Percentages_have_one_shape(string culture, double value, string expected) =>
        Assert.Equal(expected, In(culture, () => Formats.Percent((decimal)value)));

    [Theory]
    [InlineData("it-IT", 18500, "numero", "18.500")]
    [InlineData("it-IT", 12.5, "km", "12,5\u00a0km")]
    [InlineData("it-IT", 46.3, "%", "46,3%")]
    [InlineData("en-GB", 18500, "numero", "18,500")]
    public void Quantities_write_their_unit_only_when_it_says_something(string culture, double value, string unit, string expected) =>
        Assert.Equal(expected, In(culture, () => Formats.Quantity((decimal)value, unit)));

    [Fact]
    public void Lists_read_as_sentences_and_reminder_days_are_not_a_decimal()
    {
        Assert.Equal("7 e 1", In("it-IT", () => Formats.List(["7", "1"])));
        Assert.Equal("14, 7 and 1", In("en-GB", () => Formats.List(["14", "7", "1"])));
    }

    [Fact]
    public void Instants_are_shown_on_Milans_clock_in_one_format_per_culture()
    {
        var utc = new DateTime(2026, 12, 7, 5, 17, 0, DateTimeKind.Utc);
        Assert.Equal("7 dicembre 2026, 06:17", In("it-IT", () => Formats.DateTime(utc)));
        Assert.Equal("7 December 2026, 06:17", In("en-GB", () => Formats.DateTime(utc)));
        var summer = new DateTimeOffset(2026, 7, 1, 22, 30, 0, TimeSpan.Zero);
        Assert.Equal("2 luglio 2026, 00:30", In("it-IT", () => Formats.DateTime(summer)));
    }
}
