using System.Xml.Linq;
using Metropoli.Territory.Model;
using Metropoli.Platform.Ui;

namespace Metropoli.Tests.Modules.Territory;

/// <summary>Labels computed from stored codes reach the localizer at run time, where the key check
/// over the source cannot see them: every zone source and association kind has an English entry.</summary>
public sealed class TerritoryLabelsTests
{
    [Fact]
    public void Zone_sources_and_association_kinds_are_translated()
    {
        var resx = XDocument.Load(Path.Combine(RepoRoot(), "src", "Platform", "Metropoli.Platform", "Localization", "SharedResource.en.resx"));
        var names = resx.Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
        var labels = ZoneSources.All.Select(Labels.ZoneSource).Concat(AssociationKinds.All.Select(AssociationKinds.Label)).ToList();
        Assert.All(labels, l => Assert.Contains(l, names));
        Assert.Equal(labels.Count, labels.Distinct().Count());
    }

    private static string RepoRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Metropoli.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Metropoli.slnx not found above " + source);
    }
}
