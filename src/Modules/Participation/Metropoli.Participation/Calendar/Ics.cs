using System.Globalization;
using System.Text;

namespace Metropoli.Participation.Calendar;

public sealed record IcsEvent(string Uid, DateTime StartsAtUtc, DateTime EndsAtUtc, string Summary, string? Description, string? Location, string? Url,
    DateTime StampUtc, bool Cancelled = false, int Sequence = 0);

/// <summary>iCalendar (RFC 5545) written by hand: CRLF line ends, TEXT values escaped (backslash, semicolon, comma,
/// newline), lines folded at 75 octets without splitting a UTF-8 character, times in UTC.</summary>
public static class Ics
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Calendar(IEnumerable<IcsEvent> events, string name)
    {
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Citta metropolitana di Milano//Metropoli//IT");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        Line(sb, "X-WR-CALNAME:" + Escape(name));
        foreach (var e in events)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + e.Uid);
            Line(sb, "DTSTAMP:" + Utc(e.StampUtc));
            Line(sb, "DTSTART:" + Utc(e.StartsAtUtc));
            Line(sb, "DTEND:" + Utc(e.EndsAtUtc));
            Line(sb, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(sb, "SUMMARY:" + Escape(e.Summary));
            if (!string.IsNullOrWhiteSpace(e.Description)) Line(sb, "DESCRIPTION:" + Escape(e.Description));
            if (!string.IsNullOrWhiteSpace(e.Location)) Line(sb, "LOCATION:" + Escape(e.Location));
            if (!string.IsNullOrWhiteSpace(e.Url)) Line(sb, "URL:" + e.Url);
            Line(sb, "STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    public static string Escape(string value) =>
        value.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    private static string Utc(DateTime d) => DateTime.SpecifyKind(d, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Appends one content line folded at 75 octets (continuation lines start with a space).</summary>
    private static void Line(StringBuilder sb, string line)
    {
        var octets = 0;
        var limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var n = rune.Utf8SequenceLength;
            if (octets + n > limit)
            {
                sb.Append("\r\n ");
                octets = 1;
                limit = 75;
            }
            sb.Append(rune.ToString());
            octets += n;
        }
        sb.Append("\r\n");
    }
}
