using Metropoli.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Metropoli.Platform.Auth;

/// <summary>A signed-in browser session held on the server (ADR 0030): the cookie carries only <see cref="Key"/>;
/// signing out deletes the row, so a copy of the cookie no longer signs anyone in.</summary>
public sealed class UserSession : INotAudited
{
    public string Key { get; set; } = "";
    public string UserId { get; set; } = "";
    public byte[] Ticket { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("auth_sessions");
        b.HasKey(s => s.Key);
        b.Property(s => s.Key).HasMaxLength(64);
        b.Property(s => s.UserId).HasMaxLength(64);
        b.HasIndex(s => s.UserId);
        b.HasIndex(s => s.ExpiresAt);
    }
}
