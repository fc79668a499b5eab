using System.Formats.Tar;
using System.IO.Compression;

namespace Metropoli.Platform.Files;

/// <summary>The uploaded files of a <see cref="FileSystemFileStore"/> as one <c>.tar.gz</c> (entries <c>area/name</c>),
/// written by <c>backup</c> beside the database copy and read back by <c>restore-files</c> (ADR 0046).</summary>
public static class FileArchive
{
    public static async Task<int> WriteAsync(FileSystemFileStore store, string archive, CancellationToken ct)
    {
        if (File.Exists(archive)) throw new IOException($"{archive} esiste già.");
        var temp = archive + ".part";
        var count = 0;
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            {
                await using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
                {
                    foreach (var (area, name) in store.List())
                    {
                        await tar.WriteEntryAsync(Path.Combine(store.Root, area, name), $"{area}/{name}", ct);
                        count++;
                    }
                }
                if (count == 0)
                {
                    // An empty archive is still a tar (its end: two zero blocks), so that restoring it is a no-op.
                    await gzip.WriteAsync(new byte[1024], ct);
                }
            }
            File.Move(temp, archive);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return count;
    }

    /// <summary>Puts every file of the archive back where the store keeps it. Only names the store could have given are
    /// taken (a crafted entry such as <c>../../etc/x</c> is refused); a file already present with the same bytes is
    /// left; a different one with the same name stops the restore before anything is overwritten.</summary>
    public static async Task<(int Restored, int Present)> RestoreAsync(FileSystemFileStore store, string archive, CancellationToken ct)
    {
        // First pass: every name valid, every file already present identical; nothing is written yet.
        var present = 0;
        await ReadAsync(archive, async (area, name, data) =>
        {
            var path = Path.Combine(store.Root, area, name);
            if (!File.Exists(path)) return;
            await using var existing = File.OpenRead(path);
            var had = await System.Security.Cryptography.SHA256.HashDataAsync(existing, ct);
            var comes = await System.Security.Cryptography.SHA256.HashDataAsync(data, ct);
            if (!had.AsSpan().SequenceEqual(comes))
            {
                throw new InvalidDataException($"{area}/{name} esiste già con un contenuto diverso: nessun file sovrascritto.");
            }
            present++;
        }, ct);
        // Second pass: the missing files, each written under a temporary name and renamed when complete.
        var restored = 0;
        await ReadAsync(archive, async (area, name, data) =>
        {
            var path = Path.Combine(store.Root, area, name);
            if (File.Exists(path)) return;
            Directory.CreateDirectory(Path.Combine(store.Root, area));
            await using (var output = new FileStream(path + ".part", FileMode.Create, FileAccess.Write))
            {
                await data.CopyToAsync(output, ct);
            }
            File.Move(path + ".part", path);
            restored++;
        }, ct);
        return (restored, present);
    }

    private static async Task ReadAsync(string archive, Func<string, string, Stream, Task> each, CancellationToken ct)
    {
        await using var input = File.OpenRead(archive);
        await using var gzip = new GZipStream(input, CompressionMode.Decompress);
        await using var tar = new TarReader(gzip);
        while (await tar.GetNextEntryAsync(copyData: false, ct) is { } entry)
        {
            if (entry.EntryType is TarEntryType.Directory) continue;
            var parts = entry.Name.Split('/');
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                || parts.Length != 2 || parts[0].Length == 0 || !parts[0].All(c => char.IsAsciiLetterLower(c) || c == '-')
                || parts[1].Length != 32 || !parts[1].All(char.IsAsciiHexDigitLower))
            {
                throw new InvalidDataException($"L'archivio contiene una voce che non è un file caricato: {entry.Name}");
            }
            await each(parts[0], parts[1], entry.DataStream ?? Stream.Null);
        }
    }
}
