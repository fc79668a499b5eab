using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Metropoli.Platform.Api;

/// <summary>Strong ETags that carry a record's version, for If-Match on updates.</summary>
public static class ETags
{
    public static string For(int version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    public static void Set(HttpContext context, int version) => context.Response.Headers.ETag = For(version);

    /// <summary>The version named by If-Match, or null when the header is missing or not one of ours.</summary>
    public static int? FromIfMatch(HttpRequest request)
    {
        var raw = request.Headers.IfMatch.ToString();
        // "*" would mean "whatever is there now": exactly the blind overwrite If-Match exists to prevent.
        if (string.IsNullOrWhiteSpace(raw) || raw.Trim() == "*")
        {
            return null;
        }
        if (EntityTagHeaderValue.TryParse(raw, out var tag) && !tag.IsWeak
            && int.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }
        return -1;
    }
}
