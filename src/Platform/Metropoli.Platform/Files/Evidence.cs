using System.Text;

namespace Metropoli.Platform.Files;

/// <summary>An uploaded evidence file, as the page or the API received it.</summary>
public sealed record EvidenceUpload(string FileName, long Length, Func<Stream> Open);

/// <summary>The file as stored: metadata recorded on the measurement.</summary>
public sealed record StoredEvidence(string Name, string StoredName, string ContentType, long Size, string Sha256);

/// <summary>The rules for uploaded evidence (a measurement's evidence, an agreement's documents): PDF, PNG, JPG,
/// CSV or XLSX, at most 10 MB, the content checked against the declared type while it is stored, the SHA-256
/// recorded. Files go to the <see cref="IFileStore"/>, measurements' in <see cref="Area"/>.</summary>
public static class Evidence
{
    /// <summary>The file-store area of measurements' evidence (<c>data/evidence</c>).</summary>
    public const string Area = "evidence";

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

    /// <summary>The errors of an upload that can be seen without reading it (name and size).</summary>
    public static string? CheckShape(EvidenceUpload upload)
    {
        if (upload.Length == 0) return EmptyError;
        if (upload.Length > MaxBytes) return SizeError;
        return TypeOfExtension.ContainsKey(Path.GetExtension(upload.FileName)) ? null : TypeError;
    }

    /// <summary>Stores the upload in <paramref name="area"/>, checking its content against the declared type as it
    /// streams; returns its metadata, or the error (and then nothing is stored).</summary>
    public static async Task<(StoredEvidence? Stored, string? Error)> SaveAsync(IFileStore files, string area, EvidenceUpload upload, CancellationToken ct)
    {
        if (CheckShape(upload) is { } error) return (null, error);
        var extension = Path.GetExtension(upload.FileName).ToLowerInvariant();
        try
        {
            await using var input = new CheckedContent(upload.Open(), extension);
            var stored = await files.SaveAsync(area, input, ct);
            if (extension == ".xlsx" && await CheckWorkbookAsync(files, area, stored.Name, ct) is { } refused)
            {
                await files.DeleteAsync(area, stored.Name, ct);
                return (null, refused);
            }
            return (new StoredEvidence(SafeName(upload.FileName), stored.Name, TypeOfExtension[extension], stored.Size, stored.Sha256), null);
        }
        catch (RefusedContentException refused)
        {
            return (null, refused.Message);
        }
    }

    private sealed class RefusedContentException(string message) : Exception(message);

    /// <summary>The upload as it is read: counts what actually arrives (the declared length may lie; a chunked
    /// request has none), keeps the first bytes and notices a NUL byte; at the end refuses an empty file or one
    /// whose content does not match its type, by throwing, so that the store keeps nothing.</summary>
    private sealed class CheckedContent(Stream inner, string extension) : Stream
    {
        private readonly byte[] _head = new byte[8];
        private int _headLength;
        private long _size;
        private bool _text = true;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            Inspect(buffer.Span[..read]);
            return read;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            Inspect(buffer.AsSpan(offset, read));
            return read;
        }

        private void Inspect(ReadOnlySpan<byte> chunk)
        {
            if (chunk.IsEmpty)
            {
                if (_size == 0) throw new RefusedContentException(EmptyError);
                if (!Matches(extension, _head.AsSpan(0, _headLength), _text)) throw new RefusedContentException(ContentError);
                return;
            }
            _size += chunk.Length;
            if (_size > MaxBytes) throw new RefusedContentException(SizeError);
            var n = Math.Min(_head.Length - _headLength, chunk.Length);
            chunk[..n].CopyTo(_head.AsSpan(_headLength));
            _headLength += n;
            if (_text && chunk.Contains((byte)0)) _text = false;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _size; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask DisposeAsync()
        {
            await inner.DisposeAsync();
            await base.DisposeAsync();
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }

    public const string WorkbookError = "Il file .xlsx non è una cartella di lavoro valida.";
    public const string WorkbookTooLargeError = "Il file .xlsx una volta espanso supera 100 MB o contiene troppe parti: non è accettato.";

    /// <summary>Expanded size and entries an .xlsx may have: a real workbook of 10 MB expands to a few tens of MB.</summary>
    public const long MaxExpandedBytes = 100L * 1024 * 1024;
    public const int MaxEntries = 10_000;

    /// <summary>An .xlsx is a zip archive: its signature proves nothing about what it expands to (a zip bomb of a few
    /// hundred kB expands to gigabytes). The stored file must open as a zip with the parts of a workbook, at most
    /// <see cref="MaxEntries"/> entries, and expand to at most <see cref="MaxExpandedBytes"/>, counted by actually
    /// decompressing (the sizes in the archive's directory may lie), stopping at the limit.</summary>
    private static async Task<string?> CheckWorkbookAsync(IFileStore files, string area, string name, CancellationToken ct)
    {
        var opened = await files.OpenAsync(area, name, ct);
        if (opened is null) return WorkbookError;
        await using var content = opened.Content;
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(content, System.IO.Compression.ZipArchiveMode.Read);
            if (zip.Entries.Count > MaxEntries) return WorkbookTooLargeError;
            if (zip.GetEntry("[Content_Types].xml") is null || zip.GetEntry("xl/workbook.xml") is null) return WorkbookError;
            var expanded = 0L;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                if (entry.Length > MaxExpandedBytes) return WorkbookTooLargeError;
                await using var stream = entry.Open();
                int read;
                while ((read = await stream.ReadAsync(buffer, ct)) > 0)
                {
                    expanded += read;
                    if (expanded > MaxExpandedBytes) return WorkbookTooLargeError;
                }
            }
            return null;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException or ArgumentException)
        {
            return WorkbookError;
        }
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
}
