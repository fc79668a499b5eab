using Metropoli.Platform.Ui;

namespace Metropoli.Tests.Unit;

/// <summary>The one reader of typed numbers (issue 18.1): Italian and English rules, files that did not declare
/// theirs, and the two readings named when a value could mean two things.</summary>
public sealed class NumberReaderTests
{
    [Theory]
    [InlineData("26.000", 26000)]
    [InlineData("1.250", 1250)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1.250.000", 1250000)]
    [InlineData("1.250.000,50", 1250000.5)]
    [InlineData("1250,5", 1250.5)]
    [InlineData("0,75", 0.75)]
    [InlineData("0,125", 0.125)]
    [InlineData("-3", -3)]
    [InlineData(" 18 500 ", 18500)]
    [InlineData("18\u00a0500", 18500)]
    [InlineData("1.250 €", 1250)]
    [InlineData("42", 42)]
    public void Italian_reads_dots_as_thousands_and_the_comma_as_decimals(string text, double expected)
    {
        Assert.True(NumberReader.TryRead(text, NumberStyle.Italian, out var v, out var error), error?.ToString());
        Assert.Equal((decimal)expected, v);
    }

    [Theory]
    [InlineData("26,000", 26000)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("0.75", 0.75)]
    [InlineData("1250.5", 1250.5)]
    public void English_reads_commas_as_thousands_and_the_dot_as_decimals(string text, double expected)
    {
        Assert.True(NumberReader.TryRead(text, NumberStyle.English, out var v, out var error), error?.ToString());
        Assert.Equal((decimal)expected, v);
    }

    [Theory]
    [InlineData("12.5", "12,5", "125")]
    [InlineData("3.14", "3,14", "314")]
    [InlineData("1,234.5", "1.234,5", "12.345")]
    public void Italian_refuses_what_only_the_English_rule_reads_and_names_both_readings(string text, string first, string second)
    {
        Assert.False(NumberReader.TryRead(text, NumberStyle.Italian, out var v, out var error));
        Assert.Null(v);
        Assert.Equal(NumberError.TwoReadings, error!.Template);
        var message = error.ToString();
        Assert.Contains(first, message, StringComparison.Ordinal);
        Assert.Contains(second, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.250", "1.250", "1,25")]
    [InlineData("1,250", "1,25", "1.250")]
    [InlineData("26.000", "26.000", "26")]
    public void An_undeclared_file_refuses_a_value_the_two_rules_read_differently(string text, string first, string second)
    {
        Assert.False(NumberReader.TryRead(text, NumberStyle.Undeclared, out _, out var error));
        Assert.Equal(NumberError.TwoReadings, error!.Template);
        Assert.Contains(first, error.ToString(), StringComparison.Ordinal);
        Assert.Contains(second, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8500,5", 8500.5)]
    [InlineData("12.5", 12.5)]
    [InlineData("4000", 4000)]
    [InlineData("1.234,5", 1234.5)]
    [InlineData("1,234.5", 1234.5)]
    [InlineData("1.250.000", 1250000)]
    [InlineData("0,125", 0.125)]
    public void An_undeclared_file_reads_what_only_one_rule_reads_or_both_alike(string text, double expected)
    {
        Assert.True(NumberReader.TryRead(text, NumberStyle.Undeclared, out var v, out var error), error?.ToString());
        Assert.Equal((decimal)expected, v);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1..2")]
    [InlineData("1.2.3")]
    [InlineData(",5")]
    [InlineData("5,")]
    [InlineData("1e5")]
    [InlineData("--1")]
    [InlineData("0x10")]
    [InlineData("١٢")]
    public void Not_a_number_says_so_with_examples(string text)
    {
        Assert.False(NumberReader.TryRead(text, NumberStyle.Italian, out _, out var error));
        Assert.Equal(NumberError.NotANumber, error!.Template);
        Assert.Contains("26.000", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_is_no_value_and_negatives_can_be_refused()
    {
        Assert.True(NumberReader.TryRead("  ", NumberStyle.Italian, out var none, out _));
        Assert.Null(none);
        Assert.False(NumberReader.TryRead("-5", NumberStyle.Italian, out _, out var error, allowNegative: false));
        Assert.Equal(NumberError.Negative, error!.Template);
        Assert.False(NumberReader.TryRead("999.999.999.999.999.999", NumberStyle.Italian, out _, out error));
        Assert.Equal(NumberError.TooLarge, error!.Template);
    }
}
