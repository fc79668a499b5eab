using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Security;

/// <summary>Light pages (ADR 0036): Brotli or gzip on every text answer (over HTTPS too, except the pages that show a
/// secret once), static files precompressed at build time, a year of caching for addresses that name their content
/// and revalidation for the others, and every asset of the layout fingerprinted.</summary>
public sealed partial class LightPagesTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static readonly string WebRoot = Path.Combine(RepoRoot(), "src", "Metropoli.Host", "wwwroot");

    // The source file's own path works wherever the build output goes (e.g. --artifacts-path).
    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", ".."));

    private static async Task<HttpResponseMessage> Get(HttpClient client, string path, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding is not null) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        return await client.SendAsync(request);
    }

    private static async Task<byte[]> Decoded(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        var encoding = response.Content.Headers.ContentEncoding.SingleOrDefault();
        Stream? decoder = encoding switch
        {
            "br" => new BrotliStream(new MemoryStream(body), CompressionMode.Decompress),
            "gzip" => new GZipStream(new MemoryStream(body), CompressionMode.Decompress),
            null => null,
            _ => throw new InvalidOperationException("unexpected Content-Encoding " + encoding),
        };
        if (decoder is null) return body;
        using var output = new MemoryStream();
        await using (decoder) await decoder.CopyToAsync(output);
        return output.ToArray();
    }

    [Theory]
    [InlineData("/", "br", "text/html")]
    [InlineData("/comuni", "gzip", "text/html")]
    [InlineData("/api/v1/zones", "br", "application/json")]
    [InlineData("/api/v1/non-esiste", "br", "application/problem+json")]
    [InlineData("/intese/export.csv", "gzip", "text/csv")]
    [InlineData("/api/v1/municipalities/015146/boundary", "br", "application/geo+json")]
    [InlineData("/css/site.css", "br", "text/css")]
    public async Task Text_answers_are_compressed_for_the_browsers_that_accept_it(string path, string encoding, string type)
    {
        var compressed = await Get(fx.App.Anonymous(), path, encoding + ", identity");
        Assert.Equal(type, compressed.Content.Headers.ContentType?.MediaType);
        Assert.Equal(encoding, compressed.Content.Headers.ContentEncoding.SingleOrDefault());
        Assert.Contains("Accept-Encoding", compressed.Headers.Vary);
        var plain = await Get(fx.App.Anonymous(), path, null);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        var decoded = await Decoded(compressed);
        Assert.True(decoded.Length > 0);
        if (!type.Contains("html") && !type.Contains("problem"))
        {
            Assert.Equal(await plain.Content.ReadAsByteArrayAsync(), decoded);
        }
    }

    /// <summary>Compression over HTTPS is on (ADR 0036: the antiforgery token differs in every response and the
    /// session cookie is never in a body), except on the pages that show a secret once.</summary>
    [Fact]
    public async Task Over_https_pages_are_compressed_but_not_the_ones_that_show_a_secret()
    {
        var anonymous = fx.App.Anonymous(https: true);
        Assert.Equal("br", (await Get(anonymous, "/", "br")).Content.Headers.ContentEncoding.SingleOrDefault());

        var admin = await fx.App.SignedIn(Demo.Admin, https: true);
        var profile = await Get(admin, "/account", "br");
        Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
        Assert.Equal("br", profile.Content.Headers.ContentEncoding.SingleOrDefault());
        foreach (var secret in new[] { "/account/token", "/account/due-fattori", "/admin/utenti/nuovo" })
        {
            var response = await Get(admin, secret, "br, gzip");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.True(response.Content.Headers.ContentEncoding.Count == 0, $"{secret} was compressed over HTTPS");
        }
    }

    [GeneratedRegex(@"(?:href|src)=""(/(?:lib|css|js|img)/[^""#]*)")]
    private static partial Regex AssetReference();

    [GeneratedRegex(@"url\(""?(/lib/[^"")]+)")]
    private static partial Regex CssUrl();

    /// <summary>Every asset the layout names carries its fingerprint, and answers with a year of caching; so do the
    /// fonts named by fonts.css and the icon sprite.</summary>
    [Fact]
    public async Task Every_asset_of_a_page_is_fingerprinted_and_cached_for_a_year()
    {
        var client = fx.App.Anonymous();
        var html = await client.GetStringAsync("/");
        var assets = AssetReference().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct().ToList();
        Assert.Contains(assets, a => a.StartsWith("/lib/bootstrap-italia/svg/sprites.svg?v=", StringComparison.Ordinal));
        Assert.Contains(assets, a => a.StartsWith("/lib/bootstrap-italia/js/bootstrap-italia.light.min.js?v=", StringComparison.Ordinal));
        var fontsCss = assets.Single(a => a.StartsWith("/lib/metropoli/fonts.css?v=", StringComparison.Ordinal));
        var fonts = CssUrl().Matches(await client.GetStringAsync(fontsCss)).Select(m => m.Groups[1].Value).ToList();
        Assert.True(fonts.Count >= 5, "fonts.css names fewer fonts than expected");
        var problems = new List<string>();
        foreach (var asset in assets.Concat(fonts))
        {
            if (!asset.Contains("?v=", StringComparison.Ordinal))
            {
                problems.Add($"{asset}: no fingerprint");
                continue;
            }
            var response = await Get(client, asset, "br, gzip");
            var cache = response.Headers.CacheControl?.ToString() ?? "";
            if (response.StatusCode != HttpStatusCode.OK || !cache.Contains("max-age=31536000") || !cache.Contains("immutable"))
            {
                problems.Add($"{asset}: {(int)response.StatusCode}, Cache-Control {cache}");
            }
        }
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>An address without a fingerprint, or with an old one (a page cached before a deployment), gets the file
    /// with a short lifetime and a validator, and a conditional request answers 304.</summary>
    [Theory]
    [InlineData("/lib/bootstrap-italia/svg/sprites.svg")]
    [InlineData("/lib/bootstrap-italia/svg/sprites.svg?v=vecchia")]
    [InlineData("/css/site.css")]
    public async Task Addresses_without_the_current_fingerprint_are_revalidated(string path)
    {
        var client = fx.App.Anonymous();
        var response = await Get(client, path, "br");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cache = response.Headers.CacheControl?.ToString() ?? "";
        Assert.DoesNotContain("immutable", cache);
        Assert.Contains("max-age=3600", cache);
        Assert.NotNull(response.Headers.ETag);
        Assert.NotNull(response.Content.Headers.LastModified);

        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.TryAddWithoutValidation("Accept-Encoding", "br");
        again.Headers.IfNoneMatch.Add(response.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(again)).StatusCode);
    }

    /// <summary>The files under /lib are served from the .br/.gz copies the build wrote (Brotli 11, gzip 9), with the
    /// type of the file itself; a browser that takes neither gets the file as it is.</summary>
    [Theory]
    [InlineData("/lib/bootstrap-italia/css/bootstrap-italia.min.css", "text/css")]
    [InlineData("/lib/bootstrap-italia/js/bootstrap-italia.light.min.js", "text/javascript")]
    [InlineData("/lib/bootstrap-italia/svg/sprites.svg", "image/svg+xml")]
    public async Task Library_files_are_served_precompressed(string path, string type)
    {
        var file = Path.Combine(WebRoot, path.TrimStart('/').Replace('/', Path.DirectorySeparatorChar));
        var original = await File.ReadAllBytesAsync(file);
        foreach (var (accept, encoding, extension) in new[] { ("br, gzip", "br", ".br"), ("gzip", "gzip", ".gz") })
        {
            var response = await Get(fx.App.Anonymous(), path, accept);
            Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(encoding, response.Content.Headers.ContentEncoding.SingleOrDefault());
            Assert.Contains("Accept-Encoding", response.Headers.Vary);
            // The bytes of the build's copy (not compressed again on the fly), which decode to the file.
            Assert.Equal(new FileInfo(file + extension).Length, response.Content.Headers.ContentLength);
            Assert.Equal(original, await Decoded(response));
        }
        var identity = await Get(fx.App.Anonymous(), path, null);
        Assert.Empty(identity.Content.Headers.ContentEncoding);
        Assert.Equal(original, await identity.Content.ReadAsByteArrayAsync());
    }
}
