using System.Text.RegularExpressions;
using Metropoli.Platform.Ui;

namespace Metropoli.Tests.Modules.Cards;

/// <summary>The server-drawn bar chart: each value printed once for sighted users, text never scaled by a viewBox.</summary>
public sealed class SvgChartsTests
{
    private static readonly SvgCharts.Series[] Two =
        [new("a", "Uno", "#0059b3", "solid"), new("b", "Due", "#00704a", "diagonal")];

    private static int Printed(string svg, int value) => Regex.Matches(svg, $"<text[^>]*>{value}</text>").Count;

    [Fact]
    public void A_bar_with_one_segment_prints_its_value_once()
    {
        var svg = SvgCharts.HorizontalBars("c", "Titolo", "Descrizione", Two, [new("Riga", [7, 0])]);
        Assert.Equal(1, Printed(svg, 7));
        // No tooltip repeats it either: the numbers are in the data table.
        Assert.DoesNotContain("<title>Riga", svg);
    }

    [Fact]
    public void A_stacked_bar_prints_each_segment_and_the_total()
    {
        var svg = SvgCharts.HorizontalBars("c", "Titolo", "Descrizione", Two, [new("Riga", [3, 4])]);
        Assert.Equal(1, Printed(svg, 3));
        Assert.Equal(1, Printed(svg, 4));
        Assert.Equal(1, Printed(svg, 7));
    }

    [Fact]
    public void Chart_text_is_in_pixels_not_in_a_scaled_viewBox()
    {
        var svg = SvgCharts.HorizontalBars("c", "Titolo", "Descrizione", Two, [new("Riga", [3, 4])]);
        Assert.DoesNotContain("viewBox", svg);
        Assert.DoesNotMatch("font-size=\"(\\d|1[01])\"", svg);
        var trend = SvgCharts.Trend("t", "Titolo", "Descrizione", [new("2024", 1, "1"), new("2025", 2, "2")], [new(0, "Base", "#5c5c5c", "6 4")]);
        Assert.DoesNotContain("viewBox", trend);
        Assert.DoesNotMatch("font-size=\"(\\d|1[01])\"", trend);
    }
}
