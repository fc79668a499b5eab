using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Metropoli.Platform.Security;

/// <summary>The forwarded-header settings of a real proxy: which proxies are trusted, one hop.</summary>
public static class ForwardedHeadersSetup
{
    public static ForwardedHeadersOptions Options(IConfiguration config)
    {
        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            // Only the address the (last) trusted proxy saw counts; what the client wrote before it is ignored.
            ForwardLimit = config.GetValue("Security:ForwardLimit", 1),
        };
        foreach (var text in Split(config["Security:KnownProxies"]))
        {
            options.KnownProxies.Add(IPAddress.TryParse(text, out var address)
                ? address
                : throw new InvalidOperationException($"Security:KnownProxies = {text}: non è un indirizzo IP."));
        }
        foreach (var text in Split(config["Security:KnownNetworks"]))
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(text, out var network)
                ? network
                : throw new InvalidOperationException($"Security:KnownNetworks = {text}: non è una rete in notazione CIDR (10.0.0.0/8)."));
        }
        return options;
    }

    private static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
