using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Metropoli.Platform.Errors;

/// <summary>A posted form over its limit (a page's <c>RequestFormLimits</c>, or the form defaults) is a 413 with
/// the size message. Without this the antiforgery check, which reads the form first, failed on it as a 400,
/// and the error page re-executed with the same body answered 500 (security checks, issue 7).</summary>
public sealed class FormTooLargeFilter : IAsyncAuthorizationFilter, IOrderedFilter
{
    // After RequestFormLimits (900), which sets the page's limits, before the antiforgery check (1000).
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType)
        {
            return;
        }
        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted); // kept: the binding reads it from the cache
        }
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge);
        }
    }
}
