using Metropoli.Platform.Ui;
using System.Globalization;
using System.Net;
using System.Text;
using Metropoli.Participation.Model;
using Metropoli.Participation.Proposals;
using Metropoli.Platform.Data;

namespace Metropoli.Participation.Consultations;

/// <summary>The consultation report as one standalone HTML document (inline style, no external resources), printed to PDF
/// by the platform's headless Chromium (<see cref="Platform.Exports.HtmlPdf"/>, as the plan's monitoring report). Every
/// text is HTML-encoded; proposal texts go in as the sanitised Markdown the page shows (<see cref="SafeMarkdown"/>).
/// Italian (the document of record), like the plan's PDF.</summary>
public static class ReportPdf
{
    /// <summary>The most proposals printed in the PDF (a document to circulate, and Chromium's time): beyond it the
    /// document says so on its first page and points to the CSV, which has every proposal. Never a silent cap.</summary>
    public const int MaxProposals = 2000;

    public static string Html(ConsultationDetail c, DateTime generatedUtc)
    {
        var it = CultureInfo.GetCultureInfo("it-IT");
        static string E(string? s) => WebUtility.HtmlEncode(s ?? "");
        var b = new StringBuilder();
        b.Append("<!DOCTYPE html><html lang=\"it\"><head><meta charset=\"utf-8\"><title>").Append(E(c.Title)).Append("</title><style>")
            .Append("body{font-family:'Titillium Web',Arial,sans-serif;font-size:11pt;color:#1a1a1a;margin:1.5cm}h1{font-size:18pt}h2{font-size:13pt;margin-top:1.2em;border-top:1px solid #ccc;padding-top:.5em}")
            .Append(".meta{color:#555}.answer{background:#f2f6fa;padding:.4em .6em;margin-top:.4em}dt{font-weight:bold}")
            .Append("</style></head><body>");
        b.Append("<h1>").Append(E(c.Title)).Append("</h1>");
        b.Append("<p class=\"meta\">Resoconto della consultazione — ").Append(E(ConsultationSubjects.Label(c.Subject)))
            .Append(", aperta dal ").Append(E(c.OpensOn.ToString("d MMMM yyyy", it))).Append(" al ").Append(E(c.ClosesOn.ToString("d MMMM yyyy", it)))
            .Append("; risposte entro il ").Append(E(c.AnswerBy.ToString("d MMMM yyyy", it))).Append(".</p>");
        b.Append("<p>").Append(E(c.Description)).Append("</p>");
        var visible = c.Proposals.Where(p => p.Status != ProposalStatuses.Hidden && p.Status != ProposalStatuses.Withdrawn).ToList();
        b.Append("<p>Proposte pubblicate: ").Append(visible.Count.ToString(it)).Append("; con risposta: ")
            .Append(visible.Count(p => p.Answer is not null).ToString(it)).Append(".</p>");
        if (visible.Count > MaxProposals)
        {
            b.Append("<p class=\"answer\"><strong>Questo documento riporta le prime ").Append(MaxProposals.ToString("N0", it)).Append(" di ")
                .Append(visible.Count.ToString("N0", it)).Append(" proposte; il resoconto in CSV (/partecipazione/consultazioni/")
                .Append(c.Id.ToString(CultureInfo.InvariantCulture)).Append("/resoconto.csv) le contiene tutte.</strong></p>");
        }
        foreach (var p in visible.Take(MaxProposals))
        {
            b.Append("<h2>").Append(E(p.Title)).Append("</h2>");
            b.Append("<p class=\"meta\">").Append(E(p.Author)).Append(" — ").Append(E(CivilClock.ToCivil(p.CreatedAt.UtcDateTime).ToString("d MMMM yyyy", it)))
                .Append(" — sostegni: ").Append(p.Endorsements.ToString(it)).Append("</p>");
            b.Append(p.Html ?? "");
            b.Append("<div class=\"answer\">");
            if (p.Answer is { } answer)
            {
                b.Append("<p><strong>Risposta: ").Append(E(Answers.Label(answer))).Append("</strong></p><p>").Append(E(p.AnswerReason)).Append("</p>");
                if (p.TakenUpAction is { } a) b.Append("<p>Recepita dall'azione ").Append(E(a.Code)).Append(' ').Append(E(a.Title)).Append("</p>");
                else if (p.TakenUpObjective is { } o) b.Append("<p>Recepita dall'obiettivo ").Append(E(o.Code)).Append(' ').Append(E(o.Title)).Append("</p>");
            }
            else
            {
                b.Append("<p>In attesa di risposta.</p>");
            }
            b.Append("</div>");
        }
        b.Append("<p class=\"meta\">Generato il ").Append(E(CivilClock.ToCivil(generatedUtc).ToString("d MMMM yyyy, HH:mm", it))).Append(".</p>");
        return b.Append("</body></html>").ToString();
    }
}
