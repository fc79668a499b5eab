namespace Metropoli.DataGen.Scale;

/// <summary>Deterministic choices for the generator: a seeded <see cref="Random"/> (its seeded sequence is
/// stable across runs of the same runtime), weighted picks, Zipf weights and dates.</summary>
public sealed class Randomness(int seed)
{
    private readonly Random _r = new(seed);

    public int Int(int minInclusive, int maxExclusive) => _r.Next(minInclusive, maxExclusive);
    public double Double() => _r.NextDouble();
    public bool Chance(double p) => _r.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[_r.Next(items.Count)];

    public DateOnly Date(DateOnly from, DateOnly to) => from.AddDays(_r.Next(0, Math.Max(1, to.DayNumber - from.DayNumber + 1)));

    public DateTime Time(DateOnly day) =>
        day.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc).AddSeconds(_r.Next(0, 10 * 3600)).AddMilliseconds(_r.Next(0, 1000));

    /// <summary>Log-normal amount (budgets, values of agreements), rounded to euro cents.</summary>
    public decimal Money(double median, double sigma)
    {
        var u1 = 1.0 - _r.NextDouble();
        var u2 = _r.NextDouble();
        var z = Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        return Math.Round((decimal)(median * Math.Exp(sigma * z)), 2);
    }

    /// <summary>Weights 1/k^s: a few heavy items, a long tail (themes, sectors, organisations).</summary>
    public static double[] Zipf(int n, double s = 1.0) => Enumerable.Range(1, n).Select(k => 1.0 / Math.Pow(k, s)).ToArray();

    /// <summary>A draw from <paramref name="items"/> in proportion to the weights.</summary>
    public sealed class Weighted<T>
    {
        private readonly T[] _items;
        private readonly double[] _cumulative;

        public Weighted(IEnumerable<T> items, IEnumerable<double> weights)
        {
            _items = items.ToArray();
            var w = weights.ToArray();
            if (_items.Length == 0 || _items.Length != w.Length) throw new ArgumentException("items and weights must match and not be empty");
            _cumulative = new double[w.Length];
            double sum = 0;
            for (var i = 0; i < w.Length; i++)
            {
                sum += w[i];
                _cumulative[i] = sum;
            }
        }

        public int Count => _items.Length;

        public T Next(Randomness r)
        {
            var x = r.Double() * _cumulative[^1];
            var i = Array.BinarySearch(_cumulative, x);
            if (i < 0) i = ~i;
            return _items[Math.Min(i, _items.Length - 1)];
        }

        /// <summary>Up to <paramref name="n"/> distinct items (fewer if the draws keep repeating).</summary>
        public List<T> Distinct(Randomness r, int n)
        {
            var list = new List<T>(n);
            for (var attempt = 0; list.Count < Math.Min(n, _items.Length) && attempt < n * 8; attempt++)
            {
                var x = Next(r);
                if (!list.Contains(x)) list.Add(x);
            }
            return list;
        }
    }
}
