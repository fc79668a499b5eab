using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Metropoli.Platform.Data;
using Metropoli.Platform.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Audit;

/// <summary>One checkpoint of the audit chain: the head (sequence and hash) at a time, signed. <see cref="Valid"/>
/// is false when the signature does not match (the line was written or changed without the key).</summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTime At, bool Valid, int Line);

/// <summary>Anchors the audit chain outside the database (issue 18, point 16; docs/adr/0029). Whoever can write the
/// database can also cut rows off the end of the chain and move the head back, or edit a row and recompute every hash
/// after it: the chain alone then verifies. A checkpoint records the head's sequence and hash, signed with HMAC-SHA256
/// under a key that is not in the database (<c>Audit:AnchorKeyFile</c>), as one line appended to a file outside it
/// (<c>Audit:CheckpointFile</c>) and to the log. <see cref="AuditChain.VerifyAsync"/> then requires every checkpoint to
/// be signed by the key and its row to be still there with the same hash.
/// <para>Line format: <c>v1 SEQUENCE HASH AT SIGNATURE</c> (AT in UTC, ISO 8601; SIGNATURE the lower-case hex HMAC of
/// the first four fields joined by spaces).</para></summary>
public sealed class AuditAnchors
{
    private readonly Lazy<byte[]> _key;
    private readonly ILogger<AuditAnchors> _logger;
    private static readonly SemaphoreSlim Append = new(1, 1);

    public AuditAnchors(IConfiguration config, DatabaseOptions database, IWebHostEnvironment env, ILogger<AuditAnchors> logger)
    {
        var dataFolder = Path.GetFullPath(Path.Combine(env.ContentRootPath, database.DataFolder));
        KeyFile = Path.GetFullPath(config["Audit:AnchorKeyFile"] is { Length: > 0 } k ? Path.Combine(env.ContentRootPath, k) : Path.Combine(dataFolder, "keys", "audit-anchor.key"));
        CheckpointFile = Path.GetFullPath(config["Audit:CheckpointFile"] is { Length: > 0 } f ? Path.Combine(env.ContentRootPath, f) : Path.Combine(dataFolder, "audit-checkpoints.log"));
        _key = new Lazy<byte[]>(() => KeyFiles.ReadOrCreate(KeyFile, () => RandomNumberGenerator.GetBytes(32)));
        _logger = logger;
    }

    public string KeyFile { get; }
    public string CheckpointFile { get; }

    /// <summary>Appends a checkpoint of the current head (nothing when the chain is empty). Call it only on a chain
    /// that has just verified, or from the job: a checkpoint vouches for the chain up to its head.</summary>
    public async Task<AuditCheckpoint?> WriteCheckpointAsync(AppDbContext db, DateTime now, CancellationToken ct)
    {
        var head = await db.Set<AuditHead>().AsNoTracking().SingleAsync(h => h.Id == 1, ct);
        if (head.Sequence == 0)
        {
            return null;
        }
        var at = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var body = Body(head.Sequence, head.Hash, at);
        var line = body + " " + Sign(body);
        await Append.WaitAsync(ct);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CheckpointFile)!);
            await File.AppendAllTextAsync(CheckpointFile, line + "\n", ct);
        }
        finally
        {
            Append.Release();
        }
        _logger.LogInformation("AUDIT-CHECKPOINT {Checkpoint}", line);
        return new AuditCheckpoint(head.Sequence, head.Hash, at, true, 0);
    }

    /// <summary>The checkpoints of the file, in order, each with whether its signature is the key's. A line that does
    /// not parse counts as a checkpoint with a bad signature: the file is not to be edited by hand.</summary>
    public IReadOnlyList<AuditCheckpoint> Read()
    {
        if (!File.Exists(CheckpointFile))
        {
            return [];
        }
        var result = new List<AuditCheckpoint>();
        var number = 0;
        foreach (var raw in File.ReadLines(CheckpointFile))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split(' ');
            if (parts.Length == 5 && parts[0] == "v1" && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence)
                && DateTime.TryParseExact(parts[3], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
            {
                var expected = Sign(string.Join(' ', parts[..4]));
                var valid = CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(parts[4]));
                result.Add(new AuditCheckpoint(sequence, parts[2], at, valid, number));
            }
            else
            {
                result.Add(new AuditCheckpoint(0, "", DateTime.MinValue, false, number));
            }
        }
        return result;
    }

    private static string Body(long sequence, string hash, DateTime at) =>
        string.Join(' ', "v1", sequence.ToString(CultureInfo.InvariantCulture), hash, at.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));

    private string Sign(string body) => Convert.ToHexStringLower(HMACSHA256.HashData(_key.Value, Encoding.ASCII.GetBytes(body)));
}

/// <summary>Writes a checkpoint of the audit chain's head every <c>Audit:CheckpointMinutes</c> (60), once across
/// instances, after verifying the rows written since the last checkpoint still chain onto it.</summary>
public sealed class AuditCheckpointJob(AuditAnchors anchors, TimeProvider clock, IConfiguration configuration) : IRecurringJob
{
    public string Name => "audit-checkpoint";

    public TimeSpan Interval => TimeSpan.FromMinutes(configuration.GetValue("Audit:CheckpointMinutes", 60d));

    public async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<AppDbContext>();
        var result = await AuditChain.VerifyAsync(db, null, ct, anchors);
        if (result.Ok)
        {
            await anchors.WriteCheckpointAsync(db, clock.GetUtcNow().UtcDateTime, ct);
        }
        else
        {
            services.GetRequiredService<ILogger<AuditCheckpointJob>>().LogError("Audit chain broken, no checkpoint written: {Message}", result.Message);
        }
    }
}

/// <summary>Secrets kept in files outside the database (the audit anchor's key, the Data Protection certificate):
/// read the file, or create it once, atomically, so that two instances or test processes starting together agree.</summary>
public static class KeyFiles
{
    public static byte[] ReadOrCreate(string path, Func<byte[]> create)
    {
        if (File.Exists(path))
        {
            return File.ReadAllBytes(path);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var content = create();
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            stream.Write(content);
        }
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        try
        {
            File.Move(temp, path, overwrite: false); // the first writer wins; the others read its key
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
        }
        return File.ReadAllBytes(path);
    }
}
