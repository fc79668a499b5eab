using System.Formats.Tar;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Metropoli.Platform.Data;
using Metropoli.Platform.Files;
using Metropoli.Tests.Infrastructure;
using static Metropoli.Tests.Modules.Agreements.AgreementBuilders;

namespace Metropoli.Tests.Platform.Files;

/// <summary>Two instances, as two machines: each its own data folder, one database and one shared <c>Files:Root</c>
/// (issue 24, point 3; ADR 0046).</summary>
public sealed class SharedFilesFixture : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;
    public MetropoliApp A { get; private set; } = null!;
    public MetropoliApp B { get; private set; } = null!;
    public string Shared { get; } = Path.Combine(Path.GetTempPath(), "metropoli-shared-files-" + Guid.NewGuid().ToString("N"));
    private readonly List<string> folders = [];

    private Dictionary<string, string?> Settings(string name)
    {
        var own = Path.Combine(Path.GetTempPath(), $"metropoli-{name}-" + Guid.NewGuid().ToString("N"));
        folders.Add(own);
        return new() { ["Database:DataFolder"] = own, ["Files:Root"] = Shared, ["Jobs:InstanceName"] = name };
    }

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.FromTemplateAsync("files");
        A = new MetropoliApp(Database, Settings("istanza-a")).Start();
        B = new MetropoliApp(Database, Settings("istanza-b")).Start();
    }

    public async Task DisposeAsync()
    {
        if (B is not null) await B.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        await Database.DisposeAsync();
        foreach (var f in folders.Append(Shared))
        {
            if (Directory.Exists(f)) Directory.Delete(f, recursive: true);
        }
    }
}

[Trait("Database", "Both")]
public sealed class SharedFileStoreTests(SharedFilesFixture fx) : IClassFixture<SharedFilesFixture>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

    [Fact]
    public async Task A_document_uploaded_through_one_instance_is_downloaded_through_the_other()
    {
        var officeA = await fx.A.As(Demo.PlanOffice);
        var id = await CreateAsync(officeA, visibility: "restricted");
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "intesa.pdf");
        form.Add(new StringContent("signed-text"), "kind");
        form.Add(new StringContent("Testo firmato"), "title");
        var created = await (await officeA.PostAsync($"/api/v1/agreements/{id}/documents", form)).ShouldBe(HttpStatusCode.Created);
        var doc = created.GetProperty("id").GetInt64();

        var officeB = await fx.B.As(Demo.PlanOffice);
        var download = await officeB.GetAsync($"/api/v1/agreement-documents/{doc}/file");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.True(Directory.EnumerateFiles(Path.Combine(fx.Shared, "agreements")).Any(), "the file is in the shared folder");
    }

    [Fact]
    public async Task The_backup_archive_of_the_files_restores_them_and_refuses_crafted_entries()
    {
        var source = new FileSystemFileStore(Path.Combine(Path.GetTempPath(), "metropoli-src-" + Guid.NewGuid().ToString("N")));
        var target = new FileSystemFileStore(Path.Combine(Path.GetTempPath(), "metropoli-dst-" + Guid.NewGuid().ToString("N")));
        var archive = Path.Combine(Path.GetTempPath(), "metropoli-" + Guid.NewGuid().ToString("N") + ".files.tar.gz");
        try
        {
            // An empty store gives an archive that restores to nothing.
            var empty = archive + ".empty.tar.gz";
            Assert.Equal(0, await FileArchive.WriteAsync(source, empty, CancellationToken.None));
            Assert.Equal((0, 0), await FileArchive.RestoreAsync(target, empty, CancellationToken.None));
            File.Delete(empty);

            var one = await source.SaveAsync("agreements", new MemoryStream(Pdf), CancellationToken.None);
            var two = await source.SaveAsync("evidence", new MemoryStream([1, 2, 3]), CancellationToken.None);
            // Not stored files: the database, keys and logs that may share the folder stay out of the archive.
            Directory.CreateDirectory(Path.Combine(source.Root, "keys"));
            await File.WriteAllTextAsync(Path.Combine(source.Root, "keys", "data-protection.pfx"), "secret");
            await File.WriteAllTextAsync(Path.Combine(source.Root, "metropoli.db"), "db");

            Assert.Equal(2, await FileArchive.WriteAsync(source, archive, CancellationToken.None));
            Assert.Equal((2, 0), await FileArchive.RestoreAsync(target, archive, CancellationToken.None));
            Assert.Equal((0, 2), await FileArchive.RestoreAsync(target, archive, CancellationToken.None));
            await using (var opened = (await target.OpenAsync("agreements", one.Name, CancellationToken.None))!.Content)
            {
                Assert.Equal(one.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(opened)));
            }
            Assert.True(await target.ExistsAsync("evidence", two.Name, CancellationToken.None));
            Assert.False(Directory.Exists(Path.Combine(target.Root, "keys")));

            // A file changed since the backup stops the restore; nothing is overwritten.
            await File.WriteAllBytesAsync(Path.Combine(target.Root, "evidence", two.Name), [9]);
            await Assert.ThrowsAsync<InvalidDataException>(() => FileArchive.RestoreAsync(target, archive, CancellationToken.None));
            Assert.Equal([9], await File.ReadAllBytesAsync(Path.Combine(target.Root, "evidence", two.Name)));

            // An archive that tries to write outside the store is refused before anything is written.
            var crafted = archive + ".crafted.tar.gz";
            await using (var output = File.Create(crafted))
            await using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
            await using (var tar = new TarWriter(gzip))
            {
                var entry = new PaxTarEntry(TarEntryType.RegularFile, "../../tmp/evil") { DataStream = new MemoryStream([1]) };
                await tar.WriteEntryAsync(entry);
            }
            await Assert.ThrowsAsync<InvalidDataException>(() => FileArchive.RestoreAsync(target, crafted, CancellationToken.None));
            File.Delete(crafted);
        }
        finally
        {
            foreach (var d in new[] { source.Root, target.Root }) if (Directory.Exists(d)) Directory.Delete(d, true);
            File.Delete(archive);
        }
    }
}
