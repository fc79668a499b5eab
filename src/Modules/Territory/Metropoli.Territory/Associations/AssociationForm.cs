using Metropoli.Territory.Model;
using Metropoli.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Territory.Associations;

/// <summary>What the create and edit pages bind: the functions as a textarea (one per line) and the
/// members as rows, with a few blank rows to add Comuni without JavaScript.</summary>
public sealed class AssociationForm
{
    public const int BlankRows = 5;

    public sealed class MemberInput
    {
        public string? IstatCode { get; set; }
        public DateOnly? ValidFrom { get; set; }
        public DateOnly? ValidTo { get; set; }
        public bool Remove { get; set; }
    }

    public string? Name { get; set; }
    public string? Kind { get; set; }
    public DateOnly? ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }
    public string? Functions { get; set; }
    public string? Act { get; set; }
    public List<MemberInput> Members { get; set; } = [];

    public AssociationRequest ToRequest() => new()
    {
        Name = Name,
        Kind = Kind,
        ValidFrom = ValidFrom,
        ValidTo = ValidTo,
        Functions = SaveAssociation.CleanFunctions(Functions is null ? [] : [Functions.Replace("\r", "")]),
        Act = Act,
        Members = Members.Where(m => !m.Remove && !string.IsNullOrWhiteSpace(m.IstatCode))
            .Select(m => new AssociationMemberRequest { IstatCode = m.IstatCode, ValidFrom = m.ValidFrom, ValidTo = m.ValidTo }).ToList(),
    };

    public static AssociationForm From(AssociationDetail d) => new()
    {
        Name = d.Name,
        Kind = d.Kind,
        ValidFrom = d.ValidFrom,
        ValidTo = d.ValidTo,
        Functions = string.Join('\n', d.Functions),
        Act = d.Act,
        Members = d.Members.Select(m => new MemberInput { IstatCode = m.IstatCode, ValidFrom = m.ValidFrom, ValidTo = m.ValidTo }).ToList(),
    };

    /// <summary>Drops rows left blank and appends fresh blank ones, so the form always offers room to add.</summary>
    public AssociationForm WithBlankRows()
    {
        Members = Members.Where(m => !string.IsNullOrWhiteSpace(m.IstatCode)).ToList();
        for (var i = 0; i < BlankRows; i++)
        {
            Members.Add(new MemberInput());
        }
        return this;
    }

    public static async Task<IReadOnlyList<(string Code, string Name)>> ComuniAsync(AppDbContext db, CancellationToken ct) =>
        (await db.Set<Municipality>().AsNoTracking().OrderBy(m => m.Name).Select(m => new { m.IstatCode, m.Name }).ToListAsync(ct))
            .Select(m => (m.IstatCode, m.Name)).ToList();
}

/// <summary>The model of the shared form partial.</summary>
public sealed record AssociationFormView(AssociationForm Form, IReadOnlyList<(string Code, string Name)> Comuni, string CancelUrl);
