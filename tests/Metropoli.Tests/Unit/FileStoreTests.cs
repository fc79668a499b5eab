using System.Security.Cryptography;
using System.Text;
using Metropoli.Platform.Files;

namespace Metropoli.Tests.Unit;

/// <summary>The file-system store and the evidence rules on top of it, in a temporary folder.</summary>
public sealed class FileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "metropoli-files-" + Guid.NewGuid().ToString("N"));
    private readonly FileSystemFileStore _store;

    public FileStoreTests() => _store = new FileSystemFileStore(_root);

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, true);
    }

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\nprova di evidenza\n%%EOF");

    private string[] FilesOnDisk() => Directory.Exists(_root) ? Directory.GetFiles(_root, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task A_saved_file_has_a_generated_name_its_hash_and_size_and_reads_back()
    {
        var stored = await _store.SaveAsync("evidence", new MemoryStream(Pdf), CancellationToken.None);

        Assert.Matches("^[0-9a-f]{32}$", stored.Name);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), stored.Sha256);
        Assert.Equal(Pdf.Length, stored.Size);
        Assert.Equal([Path.Combine(_root, "evidence", stored.Name)], FilesOnDisk()); // data/<area>/<name>, as before
        Assert.True(await _store.ExistsAsync("evidence", stored.Name, CancellationToken.None));
        var opened = await _store.OpenAsync("evidence", stored.Name, CancellationToken.None);
        Assert.NotNull(opened);
        await using (opened.Content)
        {
            using var copy = new MemoryStream();
            await opened.Content.CopyToAsync(copy);
            Assert.Equal(Pdf, copy.ToArray());
            Assert.Equal(Pdf.Length, opened.Size);
        }
        Assert.False(await _store.ExistsAsync("agreements", stored.Name, CancellationToken.None)); // areas are apart
    }

    [Fact]
    public async Task A_deleted_file_is_gone_and_deleting_again_is_harmless()
    {
        var stored = await _store.SaveAsync("agreements", new MemoryStream(Pdf), CancellationToken.None);
        await _store.DeleteAsync("agreements", stored.Name, CancellationToken.None);
        await _store.DeleteAsync("agreements", stored.Name, CancellationToken.None);
        Assert.False(await _store.ExistsAsync("agreements", stored.Name, CancellationToken.None));
        Assert.Null(await _store.OpenAsync("agreements", stored.Name, CancellationToken.None));
        Assert.Empty(FilesOnDisk());
    }

    [Theory]
    [InlineData("../evidence/00000000000000000000000000000000")]
    [InlineData("0000000000000000000000000000000A")]
    [InlineData("metropoli.db")]
    [InlineData("")]
    public async Task A_name_the_store_could_not_have_given_is_missing(string name)
    {
        Directory.CreateDirectory(Path.Combine(_root, "evidence"));
        await File.WriteAllTextAsync(Path.Combine(_root, "metropoli.db"), "x");
        Assert.False(await _store.ExistsAsync("evidence", name, CancellationToken.None));
        Assert.Null(await _store.OpenAsync("evidence", name, CancellationToken.None));
    }

    [Fact]
    public async Task An_area_is_a_word_not_a_path() =>
        await Assert.ThrowsAsync<ArgumentException>(() => _store.SaveAsync("../fuori", new MemoryStream(Pdf), CancellationToken.None));

    private sealed class FailingStream(int after) : MemoryStream(new byte[after * 2])
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= after ? throw new IOException("connessione interrotta") : base.ReadAsync(buffer[..Math.Min(buffer.Length, after)], cancellationToken);
    }

    [Fact]
    public async Task A_stream_that_fails_midway_leaves_nothing_behind()
    {
        await Assert.ThrowsAsync<IOException>(() => _store.SaveAsync("evidence", new FailingStream(100), CancellationToken.None));
        Assert.Empty(FilesOnDisk());
    }

    private static EvidenceUpload Upload(string name, byte[] content) => new(name, content.Length, () => new MemoryStream(content));

    [Fact]
    public async Task Evidence_is_stored_with_its_type_hash_and_safe_name()
    {
        var (stored, error) = await Evidence.SaveAsync(_store, Evidence.Area, Upload("Delibera n. 12 (firmata).PDF", Pdf), CancellationToken.None);
        Assert.Null(error);
        Assert.Equal(("Delibera_n__12_firmata.pdf", "application/pdf", (long)Pdf.Length), (stored!.Name, stored.ContentType, stored.Size));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), stored.Sha256);
        Assert.True(File.Exists(Path.Combine(_root, "evidence", stored.StoredName)));
    }

    [Theory]
    [InlineData("finta.pdf", "non sono un PDF", Evidence.ContentError)]
    [InlineData("binario.csv", "a,b\0c", Evidence.ContentError)]
    [InlineData("vuoto.pdf", "", Evidence.EmptyError)]
    [InlineData("programma.exe", "MZ", Evidence.TypeError)]
    public async Task Refused_evidence_leaves_no_file(string name, string content, string expected)
    {
        var bytes = Encoding.UTF8.GetBytes(content);
        // The declared length may lie (a chunked request has none): what is read is what counts.
        var (stored, error) = await Evidence.SaveAsync(_store, Evidence.Area, new EvidenceUpload(name, Math.Max(1, bytes.Length), () => new MemoryStream(bytes)), CancellationToken.None);
        Assert.Null(stored);
        Assert.Equal(expected, error);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task Evidence_larger_than_declared_is_refused_when_it_passes_the_limit()
    {
        var big = new byte[Evidence.MaxBytes + 1];
        "%PDF-"u8.CopyTo(big);
        var (stored, error) = await Evidence.SaveAsync(_store, Evidence.Area, new EvidenceUpload("grande.pdf", 1000, () => new MemoryStream(big)), CancellationToken.None);
        Assert.Null(stored);
        Assert.Equal(Evidence.SizeError, error);
        Assert.Empty(FilesOnDisk());
    }
}
