using System.Text;
using Metropoli.Platform.Errors;
using Microsoft.Net.Http.Headers;

namespace Metropoli.Platform.Api;

/// <summary>Refuses an API request body whose <c>Content-Type</c> cannot be read before any endpoint tries:
/// a header that does not parse, or a <c>charset</c> that names no encoding (<c>application/json; charset=nope</c>).
/// The JSON reader throws an <see cref="InvalidOperationException"/> on an unknown charset, which the endpoints
/// answered as 500 (issue 18, point 11); here it is a 415 problem+json naming the charset to use.</summary>
public static class ContentTypeGuard
{
    public const string BadHeaderDetail = "L'intestazione Content-Type non è valida: usa application/json; charset=utf-8.";

    public static string CharsetDetail(string charset) =>
        $"La codifica dei caratteri «{Shorten(charset)}» non è supportata: invia il corpo in UTF-8 (charset=utf-8).";

    /// <summary>The detail of the refusal, or null when the header is readable (or absent).</summary>
    public static string? Check(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }
        if (!MediaTypeHeaderValue.TryParse(contentType, out var parsed))
        {
            return BadHeaderDetail;
        }
        var charsets = parsed.Parameters.Where(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)).ToList();
        if (charsets.Count == 0)
        {
            return null;
        }
        if (charsets.Count > 1)
        {
            return BadHeaderDetail;
        }
        var charset = HeaderUtilities.RemoveQuotes(charsets[0].Value).ToString().Trim();
        if (charset.Length == 0)
        {
            return BadHeaderDetail;
        }
        try
        {
            // UTF-7 is known to .NET but refused by the JSON reader (it was a 500 too): never a body's encoding here.
            return Encoding.GetEncoding(charset).CodePage == 65000 ? CharsetDetail(charset) : null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return CharsetDetail(charset);
        }
    }

    private static string Shorten(string s)
    {
        var clean = new string(s.Where(c => !char.IsControl(c)).Take(40).ToArray());
        return clean;
    }

    public static IApplicationBuilder UseContentTypeGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (Problems.IsApi(context) && (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
            && Check(request.Headers.ContentType.ToString()) is { } detail)
        {
            await Problems.WriteAsync(context, Problems.UnsupportedMediaType, detail);
            return;
        }
        await next();
    });
}
