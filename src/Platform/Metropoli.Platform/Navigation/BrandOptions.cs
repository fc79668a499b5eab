using System.ComponentModel.DataAnnotations;

namespace Metropoli.Platform.Navigation;

/// <summary>The institution the site belongs to (<c>Metropoli:Brand</c>): its name in the header, the footer and the
/// home page, its mark, and its own site. The default mark is Metropoli's neutral one (no coat of arms: an
/// installation sets its own, with the rights to use it).</summary>
public sealed class BrandOptions
{
    public const string Section = "Metropoli:Brand";

    [Required, StringLength(120)]
    public string Name { get; set; } = "Città metropolitana di Milano";

    /// <summary>A path of this site (an SVG or PNG under wwwroot).</summary>
    [Required, RegularExpression("^/[^/\\\\].*", ErrorMessage = "a path of this site, starting with one /")]
    public string LogoPath { get; set; } = "/img/metropoli-mark.svg";

    [Url]
    public string? Url { get; set; } = "https://www.cittametropolitana.mi.it/";
}
