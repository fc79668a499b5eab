using System.Net;
using System.Text.RegularExpressions;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Modules.Agreements;
using Metropoli.Tests.Modules.StrategicPlan;

namespace Metropoli.Tests.Modules.Cards;

/// <summary>Issue 19 item 4: action and agreement pages open with a summary box and a simple timeline, today marked.</summary>
public sealed class SummaryBoxTests(AppFixture fx) : IClassFixture<AppFixture>
{
    private static string Box(string html) =>
        Regex.Match(html, "<section class=\"summary-box\".*?</section>", RegexOptions.Singleline).Value;

    [Fact]
    public async Task An_action_page_opens_with_its_summary_and_timeline()
    {
        var office = await fx.As(Demo.PlanOffice);
        var tree = await PlanBuilders.CreateTreeAsync(office, "ambiente", startYear: 2031);
        var html = await (await fx.App.SignedIn(Demo.PlanOffice)).Html($"/piano/azioni/{tree.ActionId}");
        var box = Box(html);
        Assert.NotEmpty(box);
        Assert.True(html.IndexOf("summary-box", StringComparison.Ordinal) < html.IndexOf("<h2 class=\"h4\">Stato</h2>", StringComparison.Ordinal), "The summary box comes first");
        Assert.Contains("In breve", box);
        Assert.Contains("125.000,50 €", box);
        Assert.Contains("Rho", box);
        // Start (2031-01-01) and end (2032-12-31) are both after today: today comes first.
        var steps = Regex.Matches(box, "<li class=\"([^\"]*)\"[^>]*>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["timeline-today", "", ""], steps);
        Assert.Contains("<time datetime=\"2031-01-01\">1 gennaio 2031</time>: Inizio dell'azione", box);
        Assert.Contains("<time datetime=\"2032-12-31\">31 dicembre 2032</time>: Fine prevista dell'azione", box);
    }

    [Fact]
    public async Task An_agreement_page_opens_with_its_summary_parties_obligations_and_timeline()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (id, comuneParty, _) = await AgreementBuilders.InForceAsync(fx.App, office, Demo.Rho);
        await AgreementBuilders.AddObligationAsync(office, id, comuneParty, new DateOnly(2020, 3, 1), "Relazione annuale");
        var html = await fx.App.Anonymous().Html($"/intese/{id}");
        var box = Box(html);
        Assert.NotEmpty(box);
        Assert.Contains("Comune di Rho (Firmatario)", box);
        Assert.Contains("0 di 1 adempiuti o superati, 1 scaduti", box);
        // Signed, effective, the overdue obligation, then today.
        Assert.Contains("<time datetime=\"2025-01-20\">20 gennaio 2025</time>: Sottoscrizione", box);
        Assert.Matches("<li class=\"timeline-done\"><time datetime=\"2020-03-01\">1 marzo 2020</time>: obbligo: Relazione annuale \\(Comune di Rho\\) – [^<]*scaduto</li>", box);
        Assert.Contains("data-today", box);
        Assert.True(box.IndexOf("2025-02-01", StringComparison.Ordinal) < box.IndexOf("data-today", StringComparison.Ordinal));
    }
}
