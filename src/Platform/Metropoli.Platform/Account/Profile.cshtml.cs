using Metropoli.Platform.Auth;
using Metropoli.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Metropoli.Platform.Account;

public sealed class ProfileModel(AppDbContext db, UserManager<AppUser> users) : PageModel
{
    public UserRow? Profile { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var id = CurrentUser.Of(User).Id;
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == id, ct);
        if (user is null)
        {
            return NotFound();
        }
        Profile = UserAdmin.ToRow(user, (await users.GetRolesAsync(user)).ToList());
        return Page();
    }
}
