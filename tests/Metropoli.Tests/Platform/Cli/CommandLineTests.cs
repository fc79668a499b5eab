using Metropoli.Platform.Cli;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Cli;

/// <summary>The command line: help instead of a web server, clear refusals, commands from the modules.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("help")]
    [InlineData("--Database:Provider=Sqlite", "--help")]
    [InlineData("users", "--help")]
    [InlineData("seed", "-h")]
    public void Help_is_a_command_not_a_reason_to_start_the_server(params string[] args) => Assert.True(global::Metropoli.Platform.Cli.Cli.IsCommand(args));

    [Theory]
    [InlineData]
    [InlineData("--urls", "http://127.0.0.1:5000")]
    [InlineData("--Database:Provider=Postgres")]
    public void Server_arguments_start_the_server(params string[] args) => Assert.False(global::Metropoli.Platform.Cli.Cli.IsCommand(args));

    [Fact]
    public void Modules_contribute_their_commands()
    {
        var paths = global::Metropoli.Platform.Cli.Cli.All.Select(c => string.Join(' ', c.Path)).ToList();
        Assert.Contains("import measurements", paths);
        Assert.Contains("seed measurements-csv", paths);
        Assert.Contains("users create", paths);
        Assert.True(global::Metropoli.Platform.Cli.Cli.IsCommand(["import", "measurements", "--help"]));
    }

    [Fact]
    public async Task Help_answers_0_an_unknown_command_2_a_missing_option_1()
    {
        await using var database = await TestDatabase.CreateAsync();
        Assert.Equal(0, await CliRunner.RunAsync(database, "--help"));
        Assert.Equal(0, await CliRunner.RunAsync(database, "users", "-h"));
        Assert.Equal(2, await CliRunner.RunAsync(database, "users", "rename"));
        Assert.Equal(2, await CliRunner.RunAsync(database, "tokens", "revoke", "--bogus", "1"));
        Assert.Equal(1, await CliRunner.RunAsync(database, "users", "create", "--email", "nuovo@metropoli.example"));
    }
}
