using System.ComponentModel.DataAnnotations;

namespace Metropoli.Platform.OpenData;

/// <summary>The publisher of the open-data catalogue (<c>Metropoli:OpenData</c>, ADR 0044). The publisher's name is the
/// brand's (<c>Metropoli:Brand:Name</c>).</summary>
public sealed class OpenDataOptions
{
    public const string Section = "Metropoli:OpenData";

    /// <summary>The publisher's code in IndicePA (the national index of public administrations): DCAT-AP_IT identifies
    /// agents by it, and dataset identifiers start with it. The Città metropolitana di Milano's is <c>cmmi</c>.</summary>
    [Required, RegularExpression("^[A-Za-z0-9_]{2,20}$", ErrorMessage = "an IndicePA code: letters, digits and _")]
    public string IpaCode { get; set; } = "cmmi";

    /// <summary>The catalogue's contact e-mail (<c>vcard:hasEmail</c> of the contact point, required by DCAT-AP_IT for
    /// harvesting). No default: an installation sets its own office's address; until then the contact point gives the
    /// site's "report a problem" page only.</summary>
    [EmailAddress]
    public string? ContactEmail { get; set; }
}
