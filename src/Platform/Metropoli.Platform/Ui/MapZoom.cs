using System.Net;
using Microsoft.Extensions.Localization;

namespace Metropoli.Platform.Ui;

/// <summary>The zoom controls of a server-drawn map (wwwroot/js/map-zoom.js, ADR 0037): the figure that holds
/// the map carries its buttons' labels, in the page's language, as data attributes; the script adds the buttons.</summary>
public static class MapZoom
{
    public const string Script = "/js/map-zoom.js";

    public static string Attributes(IStringLocalizer l)
    {
        string A(string name, string text) => $" data-{name}=\"{WebUtility.HtmlEncode(l[text])}\"";
        return A("zoom-label", "Ingrandimento della mappa") + A("zoom-level", "Ingrandimento") + A("zoom-in", "Ingrandisci") + A("zoom-out", "Riduci")
            + A("left", "Sposta a sinistra") + A("up", "Sposta in alto") + A("down", "Sposta in basso") + A("right", "Sposta a destra") + A("reset", "Vista intera");
    }
}
