namespace Metropoli.Tests.Infrastructure;

/// <summary>One database and one running app per test class (xunit class fixture).
/// Derived fixtures change settings for the classes that need a special app.</summary>
public class AppFixture : IAsyncLifetime
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> _tokens = new();
    private TestDatabase? _database;
    private MetropoliApp? _app;

    public TestDatabase Database => _database ?? throw new InvalidOperationException("Fixture not initialised.");
    public MetropoliApp App => _app ?? throw new InvalidOperationException("Fixture not initialised.");

    protected virtual IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>();
    protected virtual bool UseKestrel => false;

    /// <summary>True: a copy of the run's template database (what a first start creates). False: an empty
    /// database that this fixture's app migrates and seeds itself, for tests of that first start.</summary>
    protected virtual bool FromTemplate => true;

    public virtual async Task InitializeAsync()
    {
        var label = GetType().Name.Replace("Fixture", "").ToLowerInvariant();
        _database = FromTemplate ? await TestDatabase.FromTemplateAsync(label) : await TestDatabase.CreateAsync(label);
        try
        {
            _app = new MetropoliApp(_database, Settings, UseKestrel).Start();
        }
        catch
        {
            await DisposeAsync(); // xunit does not dispose a fixture whose initialisation failed
            throw;
        }
    }

    /// <summary>A client for a demo account; its token is created once per fixture.</summary>
    public async Task<HttpClient> As(string email)
    {
        var token = await _tokens.GetOrAdd(email, e => new Lazy<Task<string>>(() => App.TokenFor(e))).Value;
        return App.WithToken(token);
    }

    public virtual async Task DisposeAsync()
    {
        try
        {
            if (_app is not null)
            {
                await _app.DisposeAsync();
                _app = null;
            }
        }
        finally
        {
            if (_database is not null)
            {
                await _database.DisposeAsync();
                _database = null;
            }
        }
    }
}

/// <summary>An app that migrates and seeds an empty database itself, for the tests of that first start.</summary>
public sealed class FreshStartFixture : AppFixture
{
    protected override bool FromTemplate => false;
}
