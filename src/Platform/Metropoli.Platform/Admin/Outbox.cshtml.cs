using Metropoli.Platform.Data;
using Metropoli.Platform.Notifications;
using Metropoli.Platform.Ui;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Metropoli.Platform.Admin;

/// <summary>The e-mail outbox as administrators see it: what is queued, sent or failing, and why.</summary>
public sealed class OutboxModel(AppDbContext db, IOptions<EmailOptions> email) : PageModel
{
    private const int PageSize = 30;

    /// <summary>queued, sent or failed; empty for all.</summary>
    [BindProperty(SupportsGet = true, Name = "stato")]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true, Name = "offset")]
    public int Offset { get; set; }

    public bool Configured => email.Value.IsConfigured;
    public int MaxAttempts => email.Value.MaxAttempts;
    public IReadOnlyList<OutboxMessage> Items { get; private set; } = [];
    public Pager? Pager { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var rows = db.Set<OutboxMessage>().AsNoTracking();
        rows = State switch
        {
            "queued" => rows.Where(m => m.SentAt == null && m.LastError == null),
            "sent" => rows.Where(m => m.SentAt != null),
            "failed" => rows.Where(m => m.SentAt == null && m.LastError != null),
            _ => rows,
        };
        var total = await rows.CountAsync(ct);
        Offset = Math.Max(0, Offset);
        Items = await rows.OrderByDescending(m => m.Id).Skip(Offset).Take(PageSize).ToListAsync(ct);
        Pager = Pager.From(Request, total, PageSize, Offset);
    }
}
