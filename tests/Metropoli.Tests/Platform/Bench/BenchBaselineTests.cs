using System.Net;
using System.Text.RegularExpressions;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Bench;

public sealed class BenchEnabledFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Bench:Enabled"] = "true" };
}

/// <summary>The benchmark's baseline page (docs/adr/0016) exists only when Bench:Enabled is set.</summary>
public sealed class BenchBaselineTests(BenchEnabledFixture fx) : IClassFixture<BenchEnabledFixture>
{
    [Fact]
    public async Task Baseline_renders_twelve_comuni_from_the_given_code_anonymously()
    {
        var response = await fx.App.Anonymous().GetAsync("/bench/baseline?from=015182");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        var codes = Regex.Matches(html, "<tr><td>(\\d{6})</td>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(12, codes.Count);
        Assert.Equal("015182", codes[0]);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        Assert.Contains("Rho", html);
        // The same pipeline as every page: the security headers are there.
        Assert.True(response.Headers.Contains("Content-Security-Policy"));
    }
}

/// <summary>Without the flag the address does not exist.</summary>
public sealed class BenchBaselineDisabledTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Baseline_is_not_mapped_by_default()
    {
        var response = await fx.App.Anonymous().GetAsync("/bench/baseline");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
