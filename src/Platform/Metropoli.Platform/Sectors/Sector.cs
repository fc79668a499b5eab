using System.Globalization;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Platform.Sectors;

/// <summary>A sector (settore) of the Città metropolitana: the office that owns actions, indicators and agreements
/// and to which sector officers belong. Records point to it by <see cref="Code"/>; people see its name.</summary>
public sealed class Sector : IVersioned
{
    /// <summary>Stable kebab-case code ("mobilita"): the value other records store.</summary>
    public string Code { get; set; } = "";

    public string NameIt { get; set; } = "";

    public string NameEn { get; set; } = "";

    /// <summary>An inactive sector keeps its records and name but is no longer offered in the forms.</summary>
    public bool Active { get; set; } = true;

    public int SortOrder { get; set; }

    public int Version { get; set; }

    /// <summary>The name in the reader's language.</summary>
    public string Name => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && NameEn.Length > 0 ? NameEn : NameIt;
}

internal sealed class SectorConfiguration : IEntityTypeConfiguration<Sector>
{
    public void Configure(EntityTypeBuilder<Sector> b)
    {
        b.ToTable("platform_sectors");
        b.HasKey(s => s.Code);
        b.Property(s => s.Code).HasMaxLength(64);
        b.Property(s => s.NameIt).HasMaxLength(200);
        b.Property(s => s.NameEn).HasMaxLength(200);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.Ignore(s => s.Name);
    }
}
