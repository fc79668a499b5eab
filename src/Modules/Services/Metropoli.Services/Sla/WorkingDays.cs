namespace Metropoli.Services.Sla;

/// <summary>The working days of the service levels: Monday to Friday except the Italian national holidays (Easter Monday
/// included). Local feasts (Sant'Ambrogio in Milano) are not excluded: the office is the metropolitan city's, whose
/// calendar is the national one (docs/adr/0042).</summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly d) =>
        d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsHoliday(d);

    public static bool IsHoliday(DateOnly d)
    {
        if ((d.Month, d.Day) is (1, 1) or (1, 6) or (4, 25) or (5, 1) or (6, 2) or (8, 15) or (11, 1) or (12, 8) or (12, 25) or (12, 26)) return true;
        return d == EasterSunday(d.Year).AddDays(1);
    }

    /// <summary>Easter Sunday (Gregorian, anonymous algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = ((h + l - 7 * m + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    /// <summary>The working days d with <paramref name="from"/> &lt; d ≤ <paramref name="to"/> (0 when to ≤ from).</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        var n = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d)) n++;
        }
        return n;
    }

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="from"/> (from itself for 0 or less).</summary>
    public static DateOnly Add(DateOnly from, int days)
    {
        var d = from;
        while (days > 0)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) days--;
        }
        return d;
    }
}
