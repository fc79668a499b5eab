using System.Security.Cryptography;
using System.Text;
using Metropoli.Platform.Data;

namespace Metropoli.Platform.Files;

/// <summary>An uploaded evidence file, as the page or the API received it.</summary>
public sealed record EvidenceUpload(string FileName, long Length, Func<Stream> Open);

/// <summary>The file as stored: metadata recorded on the measurement.</summary>
public sealed record StoredEvidence(string Name, string StoredName, string ContentType, long Size, string Sha256);

/// <summary>Evidence files live under <c>Database:DataFolder</c>/evidence, outside the web root, under a
/// name Metropoli generates (a GUID): nothing from the request ever reaches a path, so traversal is not
/// possible, and they are served only by the download endpoint after the permission check.</summary>
public static class Evidence
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const string Accept = ".pdf,.png,.jpg,.jpeg,.csv,.xlsx";
    public const string TypeError = "Il file deve essere PDF, PNG, JPG, CSV o XLSX.";
    public const string SizeError = "Il file supera la dimensione massima di 10 MB.";
    public const string EmptyError = "Il file è vuoto.";
    public const string ContentError = "Il contenuto del file non corrisponde al suo tipo (PDF, PNG, JPG, CSV o XLSX).";

    private static readonly Dictionary<string, string> TypeOfExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".csv"] = "text/csv",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public static string Folder(DatabaseOptions options, IHostEnvironment env) =>
        Path.Combine(Path.GetFullPath(Path.Combine(env.ContentRootPath, options.DataFolder)), "evidence");

    /// <summary>The errors of an upload that can be seen without reading it (name and size).</summary>
    public static string? CheckShape(EvidenceUpload upload)
    {
        if (upload.Length == 0) return EmptyError;
        if (upload.Length > MaxBytes) return SizeError;
        return TypeOfExtension.ContainsKey(Path.GetExtension(upload.FileName)) ? null : TypeError;
    }

    /// <summary>Checks the content against the declared type, stores it and returns its metadata, or the error.</summary>
    public static async Task<(StoredEvidence? Stored, string? Error)> SaveAsync(string folder, EvidenceUpload upload, CancellationToken ct)
    {
        if (CheckShape(upload) is { } error) return (null, error);
        var extension = Path.GetExtension(upload.FileName).ToLowerInvariant();
        Directory.CreateDirectory(folder);
        var storedName = Guid.NewGuid().ToString("N");
        var path = Path.Combine(folder, storedName);
        var temp = path + ".part";
        long size = 0;
        byte[] head = new byte[8];
        var headLength = 0;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var text = true;
        try
        {
            await using (var input = upload.Open())
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await input.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    // The declared length may lie (a chunked request has none): count what actually arrives.
                    if (size > MaxBytes) return Fail(temp, SizeError);
                    if (headLength < head.Length)
                    {
                        var n = Math.Min(head.Length - headLength, read);
                        Array.Copy(buffer, 0, head, headLength, n);
                        headLength += n;
                    }
                    if (text && Array.IndexOf(buffer, (byte)0, 0, read) >= 0) text = false;
                    sha.AppendData(buffer, 0, read);
                    await output.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (size == 0) return Fail(temp, EmptyError);
            if (!Matches(extension, head.AsSpan(0, headLength), text)) return Fail(temp, ContentError);
            File.Move(temp, path);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
        return (new StoredEvidence(SafeName(upload.FileName), storedName, TypeOfExtension[extension], size, Convert.ToHexStringLower(sha.GetHashAndReset())), null);
    }

    private static (StoredEvidence?, string?) Fail(string temp, string error)
    {
        File.Delete(temp);
        return (null, error);
    }

    /// <summary>The signature each type starts with; a CSV must at least be text (no NUL bytes).</summary>
    private static bool Matches(string extension, ReadOnlySpan<byte> head, bool text) => extension switch
    {
        ".pdf" => head.StartsWith("%PDF-"u8),
        ".png" => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ".jpg" or ".jpeg" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        ".xlsx" => head.StartsWith("PK\u0003\u0004"u8),
        ".csv" => text,
        _ => false,
    };

    /// <summary>The uploaded name reduced to letters, digits, dot, dash and underscore, without any folder:
    /// it is shown and offered on download, never used as a path.</summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var extension = Path.GetExtension(name).ToLowerInvariant();
        var stem = Path.GetFileNameWithoutExtension(name).Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder();
        foreach (var c in stem)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_') sb.Append(c);
            else if (c is ' ' or '.') sb.Append('_');
        }
        var clean = sb.ToString().Trim('_');
        if (clean.Length == 0) clean = "evidenza";
        if (clean.Length > 100) clean = clean[..100];
        return clean + extension;
    }

    /// <summary>The stored file, or null when it is missing. The stored name is re-checked to be one of ours.</summary>
    public static string? PathOf(string folder, string storedName) =>
        storedName.Length == 32 && storedName.All(char.IsAsciiHexDigitLower) && File.Exists(Path.Combine(folder, storedName))
            ? Path.Combine(folder, storedName)
            : null;

    public static void Delete(string folder, string? storedName)
    {
        if (storedName is not null && PathOf(folder, storedName) is { } path) File.Delete(path);
    }
}
