using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Metropoli.Platform.Auth;
using Metropoli.Platform.Errors;
using Microsoft.Extensions.Options;

namespace Metropoli.Platform.Security;

public sealed class RateLimitOptions
{
    /// <summary>API requests per client (user, token or address) per window.</summary>
    [Range(1, int.MaxValue)]
    public int ApiPermitLimit { get; set; } = 600;
    /// <summary>Login attempts per address per window, on top of Identity's per-account lockout.</summary>
    [Range(1, int.MaxValue)]
    public int LoginPermitLimit { get; set; } = 20;
    [Range(1, 86_400)]
    public int WindowSeconds { get; set; } = 60;
}

/// <summary>Fixed-window limits on the API and on the login form, with the ModI headers
/// (X-RateLimit-Limit/-Remaining/-Reset) on every limited response and 429 + Retry-After when exceeded.
/// Written here because ASP.NET's limiter exposes neither the remaining permits per client nor the
/// window's reset time. Counts are per instance.</summary>
public sealed class RateLimitMiddleware(RequestDelegate next, IOptionsMonitor<RateLimitOptions> options, TimeProvider clock)
{
    private sealed class Window
    {
        public long Start;
        public int Count;
    }

    private readonly ConcurrentDictionary<string, Window> _windows = new();
    private long _lastSweep;

    public async Task InvokeAsync(HttpContext context)
    {
        var o = options.CurrentValue;
        var path = context.Request.Path;
        string? bucket = null;
        var limit = 0;
        if (path.StartsWithSegments("/api"))
        {
            bucket = "api:" + ClientKey(context);
            limit = o.ApiPermitLimit;
        }
        else if (HttpMethods.IsPost(context.Request.Method) && (path.StartsWithSegments("/accedi") || path.StartsWithSegments("/segnalazioni")))
        {
            // Login and the public feedback form: per address, against guessing and spam.
            bucket = "form:" + (context.Connection.RemoteIpAddress?.ToString() ?? "?");
            limit = o.LoginPermitLimit;
        }
        if (bucket is null)
        {
            await next(context);
            return;
        }

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var windowLength = Math.Max(1, o.WindowSeconds);
        Sweep(now, windowLength);
        var window = _windows.GetOrAdd(bucket, _ => new Window { Start = now });
        int count;
        long start;
        lock (window)
        {
            if (now - window.Start >= windowLength)
            {
                window.Start = now;
                window.Count = 0;
            }
            count = ++window.Count;
            start = window.Start;
        }
        var reset = Math.Max(1, start + windowLength - now);
        var headers = context.Response.Headers;
        headers["X-RateLimit-Limit"] = limit.ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Remaining"] = Math.Max(0, limit - count).ToString(CultureInfo.InvariantCulture);
        headers["X-RateLimit-Reset"] = reset.ToString(CultureInfo.InvariantCulture);
        if (count > limit)
        {
            headers.RetryAfter = reset.ToString(CultureInfo.InvariantCulture);
            if (Problems.IsApi(context))
            {
                await Problems.WriteAsync(context, Problems.TooManyRequests,
                    $"Limite di {limit} richieste in {windowLength} secondi superato. Riprova tra {reset} secondi.");
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                context.Response.ContentType = "text/plain; charset=utf-8";
                await context.Response.WriteAsync($"Troppi tentativi di accesso. Riprova tra {reset} secondi.");
            }
            return;
        }
        await next(context);
    }

    /// <summary>The authenticated user (whatever token or session, however the header is spelled), else the client's
    /// address: the address the connection came from, or the one a known proxy forwarded (<c>Security:ForwardedHeaders</c>).
    /// Never the raw Authorization header: any change of it (the scheme's case, spaces, a Basic header, a random
    /// token) started a fresh count (issue 18, point 14).</summary>
    internal static string ClientKey(HttpContext context) =>
        CurrentUser.Of(context.User).Id is { } id
            ? "u:" + id
            : "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "?");

    private void Sweep(long now, long windowLength)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now - last < windowLength || Interlocked.CompareExchange(ref _lastSweep, now, last) != last)
        {
            return;
        }
        foreach (var (key, w) in _windows)
        {
            if (now - w.Start >= windowLength * 2)
            {
                _windows.TryRemove(key, out _);
            }
        }
    }
}
