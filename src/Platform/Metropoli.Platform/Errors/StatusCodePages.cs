using Microsoft.AspNetCore.Diagnostics;

namespace Metropoli.Platform.Errors;

/// <summary>Gives every empty 4xx/5xx a body: problem+json for the API, the HTML error page otherwise.</summary>
public static class StatusCodePages
{
    public static async Task HandleAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        if (Problems.IsApi(http))
        {
            await Problems.WriteAsync(http, Problems.For(status), Problems.DetailFor(status));
            return;
        }
        var originalPath = http.Request.Path;
        var originalQuery = http.Request.QueryString;
        http.Features.Set<IStatusCodeReExecuteFeature>(new StatusCodeReExecuteFeature
        {
            OriginalPath = originalPath.Value ?? "",
            OriginalPathBase = http.Request.PathBase.Value ?? "",
            OriginalQueryString = originalQuery.Value,
            OriginalStatusCode = status,
        });
        http.SetEndpoint(null);
        http.Request.RouteValues.Clear();
        http.Request.Path = "/errore/" + status;
        http.Request.QueryString = QueryString.Empty;
        var method = http.Request.Method;
        http.Request.Method = HttpMethods.Get;
        try
        {
            await context.Next(http);
        }
        finally
        {
            http.Request.Path = originalPath;
            http.Request.QueryString = originalQuery;
            http.Request.Method = method;
        }
    }

    private sealed class StatusCodeReExecuteFeature : IStatusCodeReExecuteFeature
    {
        public string OriginalPath { get; set; } = "";
        public string OriginalPathBase { get; set; } = "";
        public string? OriginalQueryString { get; set; }
        public int OriginalStatusCode { get; set; }
        public Endpoint? Endpoint { get; set; }
        public RouteValueDictionary? RouteValues { get; set; }
    }
}
