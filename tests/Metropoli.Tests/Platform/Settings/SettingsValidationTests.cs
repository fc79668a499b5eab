using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Settings;

/// <summary>A wrong setting stops the start with a message naming its key, instead of failing at the first
/// request or job that reads it.</summary>
public sealed class SettingsValidationTests
{
    private static IEnumerable<Exception> Chain(Exception e)
    {
        yield return e;
        var inner = e is AggregateException a ? a.InnerExceptions : e.InnerException is { } i ? [i] : [];
        foreach (var x in inner.SelectMany(Chain)) yield return x;
    }

    [Theory]
    [InlineData("RateLimits:ApiPermitLimit", "-1")]
    [InlineData("Jobs:PollSeconds", "0")]
    [InlineData("Agreements:ExpiryAlertDays", "-5")]
    public async Task A_wrong_setting_stops_the_start_naming_the_key(string key, string value)
    {
        await using var database = await TestDatabase.CreateAsync("settings");
        var app = new MetropoliApp(database, new Dictionary<string, string?> { [key] = value });
        try
        {
            var error = Assert.ThrowsAny<Exception>(() => app.Start());
            var messages = string.Join(" | ", Chain(error).Select(e => e.Message));
            Assert.Contains($"{key} = {value}:", messages, StringComparison.Ordinal);
        }
        finally
        {
            try
            {
                await app.DisposeAsync();
            }
            catch (Exception)
            {
                // A host that never started may fail to stop; that is not what this test is about.
            }
        }
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_is_named()
    {
        var validator = new Metropoli.Platform.Data.DatabaseOptionsValidator();
        var result = validator.Validate(null, new Metropoli.Platform.Data.DatabaseOptions { Provider = Metropoli.Platform.Data.DatabaseProvider.Postgres, DataFolder = " " });
        Assert.True(result.Failed);
        Assert.Contains("Database:ConnectionString", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Database:DataFolder", result.FailureMessage, StringComparison.Ordinal);
        await Task.CompletedTask;
    }
}
