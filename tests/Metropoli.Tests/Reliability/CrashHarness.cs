using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Metropoli.Tests.Infrastructure;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Tests.Reliability;

/// <summary>The real app as a child process (<c>dotnet Metropoli.Host.dll</c>) on a loopback port, over
/// a <see cref="TestDatabase"/>, so that it can be killed with SIGKILL, restarted, run twice beside
/// itself and measured through /proc. Shared by the crash, soak and two-instance tests.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _log = new();
    private readonly Dictionary<string, string> _settings;
    private Process? _process;

    public ServerProcess(TestDatabase database, string dataFolder, IReadOnlyDictionary<string, string>? settings = null)
    {
        Database = database;
        DataFolder = dataFolder;
        Port = FreePort();
        BaseUrl = new Uri($"http://127.0.0.1:{Port}");
        _settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["Database__Provider"] = database.Provider.ToString(),
            ["Database__ConnectionString"] = database.ConnectionString,
            // Evidence files and documents live beside the SQLite file, or in this folder with PostgreSQL.
            ["Database__DataFolder"] = dataFolder,
            ["Demo__CreateAccounts"] = "true",
            ["Demo__Password"] = MetropoliApp.DemoPassword,
            ["Security__PasswordHashIterations"] = MetropoliApp.PasswordHashIterations.ToString(CultureInfo.InvariantCulture),
            ["RateLimits__LoginPermitLimit"] = "1000000",
            ["RateLimits__ApiPermitLimit"] = "1000000",
            ["Jobs__Enabled"] = "false",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        // The keys outside the database are the test run's, as the in-process apps' (a database from the template
        // holds Data Protection keys encrypted with that certificate).
        foreach (var (k, v) in Metropoli.Tests.Infrastructure.TestKeys.Settings(database.ConnectionString))
        {
            _settings[k.Replace(":", "__", StringComparison.Ordinal)] = v!;
        }
        foreach (var (k, v) in settings ?? new Dictionary<string, string>())
        {
            _settings[k.Replace(":", "__", StringComparison.Ordinal)] = v;
        }
    }

    public TestDatabase Database { get; }
    public string DataFolder { get; }
    public int Port { get; }
    public Uri BaseUrl { get; }
    public int Pid => _process?.Id ?? 0;
    public bool IsRunning => _process is { HasExited: false };
    /// <summary>How long the last start took until /status answered 200.</summary>
    public TimeSpan LastStartTime { get; private set; }

    public string LogTail(int lines = 40)
    {
        var all = _log.ToArray();
        return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
    }

    public async Task StartAsync(TimeSpan? timeout = null)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("Already running.");
        }
        _process?.Dispose();
        var clock = Stopwatch.StartNew();
        _process = Launch([ReliabilityPaths.WebDll(), "--urls", BaseUrl.ToString().TrimEnd('/'), "--contentRoot", ReliabilityPaths.WebProject], Record);
        Record($"[harness] started pid {_process.Id} on {BaseUrl}");
        await WaitUntilHealthyAsync(timeout ?? TimeSpan.FromSeconds(120));
        LastStartTime = clock.Elapsed;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, no graceful close of connections.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }
        // On Linux Process.Kill sends SIGKILL; the tree covers anything the app might have spawned (Chromium for PDFs).
        _process.Kill(entireProcessTree: true);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(cts.Token);
        Record($"[harness] killed pid {_process.Id} (exit code {_process.ExitCode})");
    }

    /// <summary>Runs a command of the same executable (<c>audit verify</c>, <c>tokens create</c> …) on the same database.</summary>
    public async Task<(int ExitCode, string Output)> RunCliAsync(params string[] args)
    {
        var output = new ConcurrentQueue<string>();
        using var process = Launch([ReliabilityPaths.WebDll(), .. args], line => output.Enqueue(line ?? ""));
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(cts.Token);
        // WaitForExitAsync returns after the redirected streams reached their end.
        return (process.ExitCode, string.Join(Environment.NewLine, output));
    }

    /// <summary>A snapshot of the process from /proc: resident memory, open file descriptors, threads.</summary>
    public ProcessSample Sample(TimeSpan at)
    {
        var pid = Pid;
        long rssKb = 0;
        var threads = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rssKb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("Threads:", StringComparison.Ordinal))
            {
                threads = int.Parse(line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }
        var fds = Directory.GetFiles($"/proc/{pid}/fd").Length;
        return new ProcessSample(at, rssKb, fds, threads);
    }

    public HttpClient Client(string? token = null, CookieContainer? cookies = null)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = cookies is not null,
            CookieContainer = cookies ?? new CookieContainer(),
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        };
        var client = new HttpClient(handler) { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return client;
    }

    /// <summary>A personal access token written straight into the database (as the CLI's <c>tokens create</c> does).</summary>
    public async Task<string> TokenForAsync(string email)
    {
        await using var db = ReliabilityDb.Open(Database);
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        var created = await AccessTokens.CreateAsync(db, userId, new CreateAccessTokenRequest("affidabilita", 30), DateTime.UtcNow, CancellationToken.None);
        return created.Token;
    }

    private Process Launch(IEnumerable<string> args, Action<string?> onLine)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = ReliabilityPaths.WebProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        var env = psi.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["DOTNET_ENVIRONMENT"] = "Development";
        env.Remove("ASPNETCORE_URLS");
        env.Remove("ASPNETCORE_HTTP_PORTS");
        foreach (var (k, v) in _settings)
        {
            env[k] = v;
        }
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => onLine(e.Data);
        process.ErrorDataReceived += (_, e) => onLine(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("dotnet did not start");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        _log.Enqueue(line);
        while (_log.Count > 2000 && _log.TryDequeue(out _))
        {
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        var last = "no answer";
        while (deadline.Elapsed < timeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before answering /status.{Environment.NewLine}{LogTail()}");
            }
            try
            {
                using var response = await http.GetAsync("/status");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"GET /status did not answer 200 within {timeout.TotalSeconds:0} s (last: {last}).{Environment.NewLine}{LogTail()}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or it would not die in time: nothing more a test can do.
        }
        _process?.Dispose();
    }
}

public sealed record ProcessSample(TimeSpan At, long RssKb, int OpenFiles, int Threads);

/// <summary>Where the built app and the web project are: the test output holds a runnable copy of the
/// app (the ProjectReference copies Metropoli.Host.dll with its deps.json and runtimeconfig.json); the
/// content root is the web project, for wwwroot and the appsettings files.</summary>
public static class ReliabilityPaths
{
    public static string Root { get; } = FindRoot();

    public static string WebProject => Path.Combine(Root, "src", "Metropoli.Host");

    public static string WebDll()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Metropoli.Host.dll");
        if (File.Exists(dll) && File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")))
        {
            return dll;
        }
        var built = Path.Combine(WebProject, "bin", "Release", "net10.0", "Metropoli.Host.dll");
        return File.Exists(built) ? built : throw new FileNotFoundException($"Metropoli.Host.dll with its runtimeconfig.json not found beside the tests or at {built}.");
    }

    private static string FindRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("METROPOLI_REPO_ROOT");
        if (!string.IsNullOrEmpty(fromEnv) && File.Exists(Path.Combine(fromEnv, "Metropoli.slnx")))
        {
            return fromEnv;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Metropoli.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No folder with Metropoli.slnx above {AppContext.BaseDirectory}; set METROPOLI_REPO_ROOT.");
    }
}

/// <summary>Reads the database behind the server's back, to check what it acknowledged.</summary>
public static class ReliabilityDb
{
    public static AppDbContext Open(TestDatabase database)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseSetup.Configure(options, database.Provider, database.ConnectionString);
        return new AppDbContext(options.Options);
    }

    /// <summary>A long setting from the environment (the scripts' long mode), or the suite's short default.</summary>
    public static int Setting(string name, int shortDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : shortDefault;

    /// <summary>Prints a figure for the scripts to collect (xunit shows test output only on failure, so also to a file).</summary>
    public static void Report(string line)
    {
        var file = Environment.GetEnvironmentVariable("METROPOLI_RELIABILITY_REPORT");
        if (!string.IsNullOrEmpty(file))
        {
            File.AppendAllText(file, line + Environment.NewLine);
        }
        Console.WriteLine(line);
    }
}
