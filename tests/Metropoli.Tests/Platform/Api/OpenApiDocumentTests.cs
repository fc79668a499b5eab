using System.Text.Json;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Platform.Api;

/// <summary>The OpenAPI document describes every API endpoint the app maps. scripts/test.sh also lints
/// the document this test writes (METROPOLI_OPENAPI_OUT) with Spectral's oas ruleset.</summary>
public sealed class OpenApiDocumentTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Every_api_route_is_in_the_openapi_document_with_an_operation_id()
    {
        var json = await fx.App.Anonymous().GetStringAsync("/openapi/v1.json");
        if (Environment.GetEnvironmentVariable("METROPOLI_OPENAPI_OUT") is { Length: > 0 } path)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await File.WriteAllTextAsync(path, json);
        }
        using var doc = JsonDocument.Parse(json);
        Assert.StartsWith("3.", doc.RootElement.GetProperty("openapi").GetString());
        var paths = doc.RootElement.GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Path: p.Name, Method: o.Name, Op: o.Value)))
            .ToList();
        Assert.Contains(operations, o => o.Path == "/api/v1/municipalities" && o.Method == "get");
        Assert.Contains(operations, o => o.Path == "/api/v1/municipalities/boundaries" && o.Method == "get");
        Assert.All(operations, o => Assert.True(o.Op.TryGetProperty("operationId", out _), $"{o.Method} {o.Path} has no operationId"));
        var ids = operations.Select(o => o.Op.GetProperty("operationId").GetString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(paths.EnumerateObject(), p => Assert.DoesNotMatch("[A-Z_]", p.Name.Split('{')[0]));
    }
}
