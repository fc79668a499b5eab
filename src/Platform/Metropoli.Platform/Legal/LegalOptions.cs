using System.ComponentModel.DataAnnotations;

namespace Metropoli.Platform.Legal;

/// <summary>The privacy notice's facts that belong to the body running the instance (<c>Metropoli:Privacy</c>,
/// ADR 0045): the controller's name is the brand's (<c>Metropoli:Brand:Name</c>). Nothing is invented: an unset
/// contact is shown as "published on the body's website" with the brand's link.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Metropoli:Privacy";

    /// <summary>The controller's registered office (e.g. "Via Vivaio 1, 20122 Milano").</summary>
    [StringLength(200)]
    public string? ControllerAddress { get; set; }

    /// <summary>The controller's certified e-mail (PEC) for requests about personal data.</summary>
    [EmailAddress]
    public string? ControllerPec { get; set; }

    /// <summary>The Data Protection Officer's contact (GDPR art. 37–39), required by art. 13(1)(b).</summary>
    [EmailAddress]
    public string? DpoEmail { get; set; }

    /// <summary>Where vulnerabilities are reported (SECURITY.md).</summary>
    [EmailAddress]
    public string? SecurityContact { get; set; }

    /// <summary>Processors (GDPR art. 28) that handle the data for the controller, e.g. the hosting provider; one line.</summary>
    [StringLength(500)]
    public string? Processors { get; set; }

    /// <summary>Days a sent e-mail's copy stays in the outbox before the cleanup job deletes it.</summary>
    [Range(1, 3650)]
    public int MailRetentionDays { get; set; } = 90;
}

/// <summary>The accessibility statement (<c>Metropoli:Accessibility</c>): the body publishes its statement on AgID's
/// form (form.agid.gov.it, L. 4/2004 art. 3-quater); the in-app page links it and holds the evaluation method and the
/// known limits.</summary>
public sealed class AccessibilityOptions
{
    public const string Section = "Metropoli:Accessibility";

    /// <summary>The address of the body's statement on AgID's site. Unset: the page says it is being published.</summary>
    [Url]
    public string? StatementUrl { get; set; }
}
