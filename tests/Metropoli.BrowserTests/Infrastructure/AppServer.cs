using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Metropoli.BrowserTests.Infrastructure;

/// <summary>The real app under Kestrel as a child process (<c>dotnet Metropoli.Host.dll</c>), on a free
/// loopback port, with its own SQLite database in a temp folder and the demo accounts.</summary>
public sealed class AppServer : IAsyncDisposable
{
    public const string DemoPassword = "Prova-Metropoli-2026";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();
    private readonly string _dataFolder;

    private AppServer(Process process, string dataFolder, Uri baseUrl)
    {
        _process = process;
        _dataFolder = dataFolder;
        BaseUrl = baseUrl;
    }

    public Uri BaseUrl { get; }

    /// <summary>The last lines the server printed, for failure messages.</summary>
    public string LogTail(int lines = 60)
    {
        var all = _log.ToArray();
        return string.Join(Environment.NewLine, all.Skip(Math.Max(0, all.Length - lines)));
    }

    public static async Task<AppServer> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");
        var dataFolder = Directory.CreateTempSubdirectory("metropoli-browser-").FullName;
        var dll = RepoPaths.WebDll();
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.WebProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--urls", baseUrl.ToString().TrimEnd('/'), "--contentRoot", RepoPaths.WebProject })
        {
            psi.ArgumentList.Add(arg);
        }
        var env = psi.Environment;
        env["ASPNETCORE_ENVIRONMENT"] = "Development";
        env["DOTNET_ENVIRONMENT"] = "Development";
        env.Remove("ASPNETCORE_URLS");
        env.Remove("ASPNETCORE_HTTP_PORTS");
        env["Database__Provider"] = "Sqlite";
        env["Database__DataFolder"] = dataFolder;
        env["Demo__CreateAccounts"] = "true";
        env["Demo__Password"] = DemoPassword;
        // Identity's 100,000 PBKDF2 iterations are for attackers: every sign-in of the crawls and flows would pay them.
        env["Security__PasswordHashIterations"] = "1000";
        env["RateLimits__LoginPermitLimit"] = "100000";
        env["RateLimits__ApiPermitLimit"] = "100000";
        env["Logging__LogLevel__Default"] = "Warning";
        env["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            env[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        var server = new AppServer(process, dataFolder, baseUrl);
        process.OutputDataReceived += (_, e) => server.Record(e.Data);
        process.ErrorDataReceived += (_, e) => server.Record(e.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException("dotnet did not start");
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        server.Record($"[fixture] started pid {process.Id}: dotnet {string.Join(' ', psi.ArgumentList)}");

        try
        {
            // First start migrates, seeds 133 Comuni and demo content: on a loaded 2-core CI machine that took over 60 s.
            await server.WaitUntilHealthyAsync(TimeSpan.FromSeconds(180));
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
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
        string last = "no answer";
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The app exited with code {_process.ExitCode} before answering /status.{Environment.NewLine}{LogTail()}");
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
            await Task.Delay(250);
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
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await _process.WaitForExitAsync(cts.Token);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // Already gone, or it would not die in time: nothing more a test can do about it.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a dying process; the temp folder is cleaned by the OS eventually.
        }
    }
}
