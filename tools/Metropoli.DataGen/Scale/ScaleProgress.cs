using System.Diagnostics;
using System.Globalization;

namespace Metropoli.DataGen.Scale;

/// <summary>One console line per table: a bar redrawn in place while the table loads (when the console is a
/// terminal), then rows, seconds and rows/s; and a total at the end.</summary>
public sealed class ScaleProgress(TextWriter output, bool interactive)
{
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly List<(string Label, long Rows, double Seconds)> _tables = [];

    public IReadOnlyList<(string Label, long Rows, double Seconds)> Tables => _tables;
    public long TotalRows => _tables.Sum(t => t.Rows);
    public TimeSpan Elapsed => _total.Elapsed;

    public Bar Start(string label, long expected) => new(this, label, expected);

    public sealed class Bar(ScaleProgress owner, string label, long expected)
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public void Report(long rows)
        {
            if (!owner.Interactive) return;
            owner.Write($"\r{Line(rows)}");
        }

        public void Done(long rows)
        {
            var seconds = _clock.Elapsed.TotalSeconds;
            owner._tables.Add((label, rows, seconds));
            owner.Write((owner.Interactive ? "\r" : "") + Line(rows) + Environment.NewLine);
        }

        private string Line(long rows)
        {
            const int width = 24;
            var fraction = expected > 0 ? Math.Min(1.0, (double)rows / expected) : 1.0;
            var filled = (int)Math.Round(fraction * width);
            var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            return string.Create(CultureInfo.InvariantCulture,
                $"  {label,-28} [{new string('#', filled)}{new string('.', width - filled)}] {rows,11:N0} righe {seconds,7:F1} s {rows / seconds,11:N0} righe/s");
        }
    }

    private bool Interactive => interactive;

    private void Write(string text)
    {
        output.Write(text);
        output.Flush();
    }

    public void Summary()
    {
        var seconds = Math.Max(_total.Elapsed.TotalSeconds, 0.001);
        Write(string.Create(CultureInfo.InvariantCulture,
            $"Totale: {TotalRows:N0} righe in {seconds:F1} s ({TotalRows / seconds:N0} righe/s).{Environment.NewLine}"));
    }
}
