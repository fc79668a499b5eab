using System.Security.Cryptography;
using Metropoli.Platform.Data;

namespace Metropoli.Platform.Files;

/// <summary>A file as stored: the name the store gave it, its SHA-256 (lower-case hex) and its size in bytes.</summary>
public sealed record StoredFile(string Name, string Sha256, long Size);

/// <summary>A stored file opened for reading; the caller disposes <see cref="Content"/>.</summary>
public sealed record OpenedFile(Stream Content, long Size, DateTimeOffset LastModified);

/// <summary>Where uploaded files live. Files are grouped in areas ("evidence", "agreements") and named by the
/// store (a GUID, 32 lower-case hex digits): nothing from a request ever becomes part of a path, and a name that
/// is not one the store could have given is treated as missing.</summary>
public interface IFileStore
{
    /// <summary>Stores the whole stream under a new name. When reading the stream fails (it may refuse its own
    /// content by throwing), nothing is left behind and the exception reaches the caller.</summary>
    Task<StoredFile> SaveAsync(string area, Stream content, CancellationToken ct);

    /// <summary>The file, or null when there is no such file.</summary>
    Task<OpenedFile?> OpenAsync(string area, string name, CancellationToken ct);

    Task<bool> ExistsAsync(string area, string name, CancellationToken ct);

    /// <summary>Deletes the file if it exists.</summary>
    Task DeleteAsync(string area, string name, CancellationToken ct);
}

/// <summary>Files under <c>Files:Root</c> (default <c>Database:DataFolder</c>), one folder per area (<c>evidence</c>,
/// <c>agreements</c>, …), outside the web root: served only by the endpoints that check the permission first. With
/// several instances, <c>Files:Root</c> is one shared mount (NFS, CephFS, a cloud file share) for all of them: a file
/// uploaded through one instance is then read through any other (ADR 0046). A file is written under a temporary name
/// and renamed when complete, so a half-written file never has a name the database could hold.</summary>
public sealed class FileSystemFileStore(string root) : IFileStore
{
    /// <summary>The folder of the store: <c>Files:Root</c> when set (absolute, or relative to the app's folder), else the
    /// data folder.</summary>
    public static string RootOf(string? filesRoot, DatabaseOptions options, string contentRoot) =>
        Path.GetFullPath(Path.Combine(contentRoot, string.IsNullOrWhiteSpace(filesRoot) ? options.DataFolder : filesRoot));

    public string Root => root;

    /// <summary>Every stored file as (area, name): the names the store gives (32 hex digits) in its area folders, so
    /// that the database file, keys and logs that may share the folder are never taken for stored files.</summary>
    public IEnumerable<(string Area, string Name)> List()
    {
        if (!Directory.Exists(root)) yield break;
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var area = Path.GetFileName(folder);
            if (area.Length == 0 || !area.All(c => char.IsAsciiLetterLower(c) || c == '-')) continue;
            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(file);
                if (name.Length == 32 && name.All(char.IsAsciiHexDigitLower)) yield return (area, name);
            }
        }
    }

    public async Task<StoredFile> SaveAsync(string area, Stream content, CancellationToken ct)
    {
        var folder = FolderOf(area);
        Directory.CreateDirectory(folder);
        var name = Guid.NewGuid().ToString("N");
        var path = Path.Combine(folder, name);
        var temp = path + ".part";
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long size = 0;
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            File.Move(temp, path);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return new StoredFile(name, Convert.ToHexStringLower(sha.GetHashAndReset()), size);
    }

    public Task<OpenedFile?> OpenAsync(string area, string name, CancellationToken ct)
    {
        if (PathOf(area, name) is not { } path) return Task.FromResult<OpenedFile?>(null);
        var info = new FileInfo(path);
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        return Task.FromResult<OpenedFile?>(new OpenedFile(stream, info.Length, info.LastWriteTimeUtc));
    }

    public Task<bool> ExistsAsync(string area, string name, CancellationToken ct) => Task.FromResult(PathOf(area, name) is not null);

    public Task DeleteAsync(string area, string name, CancellationToken ct)
    {
        if (PathOf(area, name) is { } path) File.Delete(path);
        return Task.CompletedTask;
    }

    private string FolderOf(string area) =>
        area.Length > 0 && area.All(c => char.IsAsciiLetterLower(c) || c == '-')
            ? Path.Combine(root, area)
            : throw new ArgumentException("An area is a lower-case word: " + area, nameof(area));

    /// <summary>The path of a stored file, or null when it is missing or the name is not one the store gives.</summary>
    private string? PathOf(string area, string name) =>
        name.Length == 32 && name.All(char.IsAsciiHexDigitLower) && File.Exists(Path.Combine(FolderOf(area), name))
            ? Path.Combine(FolderOf(area), name)
            : null;
}
