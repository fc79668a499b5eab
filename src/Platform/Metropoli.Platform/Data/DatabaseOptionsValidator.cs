using Microsoft.Extensions.Options;

namespace Metropoli.Platform.Data;

/// <summary>The <c>Database</c> section checked at start, with the keys named: PostgreSQL needs a connection
/// string, SQLite a data folder (which also holds the uploaded files). Values are not echoed: a connection
/// string carries a password.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(options.Provider))
            errors.Add("Database:Provider: use Sqlite or Postgres.");
        if (options.Provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
            errors.Add("Database:ConnectionString is required when Database:Provider is Postgres.");
        if (string.IsNullOrWhiteSpace(options.DataFolder))
            errors.Add("Database:DataFolder must name a folder (it holds the SQLite file and the uploaded files).");
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
