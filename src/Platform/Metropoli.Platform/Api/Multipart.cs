using Metropoli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Metropoli.Platform.Api;

/// <summary>Reading a multipart/form-data body in an endpoint that takes a file.</summary>
public static class Multipart
{
    /// <summary>The form, or the problem: 413 over the size limit (<paramref name="tooLarge"/> says which), 400 for a
    /// body that is not a readable multipart form (no parts, a missing boundary, cut short: the client's error).</summary>
    public static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadFormAsync(HttpRequest request, string tooLarge, CancellationToken ct)
    {
        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        catch (InvalidDataException)
        {
            return (null, Problems.TooLarge.Result(tooLarge));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // Kestrel's body limit (Limits:MaxRequestBodyBytes): an I/O error too, but the client's size, not its syntax.
            return (null, Problems.TooLarge.Result(tooLarge));
        }
        catch (IOException) when (!ct.IsCancellationRequested)
        {
            return (null, Problems.BadRequest.Result("Il corpo multipart/form-data non è leggibile."));
        }
    }
}
