using Metropoli.Platform.Modules;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Home;

/// <summary>The home page describes what exists (ADR 0035): every module's links, in both languages, and no promise
/// of modules "to come" (issue 18, point 20).</summary>
public sealed class HomePageTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Theory]
    [InlineData("")]
    [InlineData("?culture=en")]
    public async Task The_home_page_lists_what_the_modules_offer_and_promises_nothing(string query)
    {
        var html = await fx.App.Anonymous().Html("/" + query);
        foreach (var word in new[] { "arriveranno", "prossimi moduli", "will arrive", "next modules" })
        {
            Assert.DoesNotContain(word, html, StringComparison.OrdinalIgnoreCase);
        }
        var links = ModuleCatalog.All.SelectMany(m => m.HomeLinks).ToList();
        Assert.Contains(links, l => l.Href == "/piano");
        Assert.Contains(links, l => l.Href == "/intese");
        foreach (var link in links)
        {
            Assert.Contains($"href=\"{link.Href}\"", html);
        }
        Assert.Contains(query == "" ? "Il Piano strategico" : "Strategic Plan", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void No_text_of_the_site_promises_modules_to_come()
    {
        var src = Path.Combine(RepoRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".resx", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(files);
        var promises = files.Where(f => File.ReadAllText(f) is var text
            && (text.Contains("arriveranno nei prossimi moduli", StringComparison.OrdinalIgnoreCase)
                || text.Contains("will arrive in the next modules", StringComparison.OrdinalIgnoreCase)))
            .Select(Path.GetFileName).ToList();
        Assert.True(promises.Count == 0, "Texts promising modules to come: " + string.Join(", ", promises));
    }

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Metropoli.slnx")))
        {
            dir = dir.Parent;
        }
        return dir!.FullName;
    }
}
