using Ganss.Xss;
using Markdig;

namespace Metropoli.Platform.Ui;

/// <summary>Editors' and participants' rich text (participation's proposals and comments, knowledge's best practices) is plain text or a small Markdown subset (paragraphs, emphasis, lists, quotes,
/// code, links). Markdig renders with raw HTML disabled (typed tags come out escaped), then HtmlSanitizer keeps only
/// the subset's tags, links only to http, https and mailto, and every link gets rel="nofollow noopener noreferrer".
/// What is stored is the text as written; only this method's output is ever put in a page.</summary>
public static class SafeMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    /// <summary>One sanitizer per thread: the proposals of a page are rendered one after the other, and a single shared
    /// instance behind a lock made every concurrent reader of a consultation wait for the others (p99 at 16 connections,
    /// ADR 0043 "Performance at metro scale").</summary>
    private static readonly ThreadLocal<HtmlSanitizer> Sanitizer = new(Create);

    private static HtmlSanitizer Create()
    {
        var s = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(["p", "br", "strong", "em", "ul", "ol", "li", "a", "blockquote", "code", "pre"], StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href", "rel"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        // Relative links stay out: only absolute http(s) and mailto.
        s.FilterUrl += (_, e) =>
        {
            if (e.SanitizedUrl is { } url && !(url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)))
            {
                e.SanitizedUrl = null;
            }
        };
        s.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "a" } a)
            {
                a.SetAttribute("rel", "nofollow noopener noreferrer");
            }
        };
        return s;
    }

    /// <summary>The safe HTML of a proposal's or comment's text.</summary>
    public static string ToHtml(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        return Sanitizer.Value!.Sanitize(Markdown.ToHtml(text, Pipeline));
    }

    /// <summary>The text without markup, for JSON and CSV exports: the Markdown's plain text with angle brackets replaced,
    /// so that no export carries a tag that a careless consumer might put into a page.</summary>
    public static string ToPlainText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : Plain(Markdown.ToPlainText(text, Pipeline).Trim());

    /// <summary>A one-line text (a title, a name) for an export: angle brackets replaced.</summary>
    public static string Plain(string? text) => (text ?? "").Replace('<', '‹').Replace('>', '›');
}
