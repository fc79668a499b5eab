using System.Text;

namespace Metropoli.Platform.Ui;

/// <summary>The one check of a return address taken from a request (the language switch's <c>ritorno</c>, the sign-in
/// <c>ReturnUrl</c>, the feedback page's <c>pagina</c>): a path of this site, or "/". Refused: anything not starting
/// with one "/", "//" and "/\" (browsers read both as another host), control characters (a header cannot carry them:
/// they answered 500). Characters outside ASCII are percent-encoded as UTF-8 (a Location header is ASCII: they
/// answered 500 too), so <c>/città</c> still leads to <c>/citt%C3%A0</c>.</summary>
public static class LocalUrl
{
    public static string Safe(string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || url.Length > 2048)
        {
            return "/";
        }
        if (url.Length > 1 && url[1] is '/' or '\\')
        {
            return "/";
        }
        var sb = new StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (Rune.IsControl(rune) || rune.Value is 0x2028 or 0x2029 or 0xFEFF || Rune.GetUnicodeCategory(rune) is System.Globalization.UnicodeCategory.Format)
            {
                return "/";
            }
            if (rune.IsAscii)
            {
                sb.Append(rune.Value == ' ' ? "%20" : ((char)rune.Value).ToString());
                continue;
            }
            var n = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..n])
            {
                sb.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }
}
