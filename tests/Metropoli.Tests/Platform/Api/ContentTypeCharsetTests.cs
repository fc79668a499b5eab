using System.Net;
using System.Text;
using System.Text.Json;
using Metropoli.Tests.Infrastructure;
using Metropoli.Tests.Reliability;

namespace Metropoli.Tests.Platform.Api;

/// <summary>Issue 18, point 11: a body under a Content-Type that names an unknown charset
/// (<c>application/json; charset=nope</c>) or that does not parse was a 500 on every operation that takes a JSON
/// body. Every operation of the OpenAPI document with a body gets every malformed content type of the hostile-input
/// generator (<see cref="HostileInputGenerator.MalformedContentTypes"/>): no 5xx, every error problem+json, and an
/// unknown charset is a 415 naming it.</summary>
public sealed class ContentTypeCharsetTests(AppFixture fx) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_unknown_charset_is_a_415_problem_not_a_500()
    {
        var admin = await fx.As(Demo.Admin);
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"name\":\"x\"}"));
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=nope");
        var problem = await (await admin.PutAsync("/api/v1/municipalities/015182/contacts", content)).ShouldBeProblem(415);
        Assert.Equal("https://metropoli.example/problems/unsupported-media-type", problem.GetProperty("type").GetString());
        Assert.Contains("nope", problem.GetProperty("detail").GetString());
        Assert.Contains("UTF-8", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Every_operation_with_a_body_answers_every_malformed_content_type_with_a_4xx_problem()
    {
        var admin = await fx.As(Demo.Admin);
        using var document = JsonDocument.Parse(await fx.App.Anonymous().GetStringAsync("/openapi/v1.json"));
        var operations = HostileInputGenerator.Operations(document.RootElement).Where(o => o.BodyTypes.Count > 0).ToList();
        Assert.True(operations.Count(o => o.HasJsonBody) >= 40, $"only {operations.Count(o => o.HasJsonBody)} operations with a JSON body");
        var failures = new List<string>();
        foreach (var op in operations)
        {
            var path = System.Text.RegularExpressions.Regex.Replace(op.Path, @"\{[^}]+\}", "999999999");
            foreach (var template in HostileInputGenerator.MalformedContentTypes)
            {
                var type = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, op.BodyTypes[0] == "multipart/form-data" ? "multipart/form-data; boundary=x" : op.BodyTypes[0]);
                var content = new ByteArrayContent(Encoding.UTF8.GetBytes(op.HasJsonBody ? "{}" : op.BodyTypes[0] == "text/csv" ? "name,type\n" : "--x--\r\n"));
                content.Headers.TryAddWithoutValidation("Content-Type", type);
                using var request = new HttpRequestMessage(new HttpMethod(op.Method.ToUpperInvariant()), path) { Content = content };
                request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
                using var response = await admin.SendAsync(request);
                var status = (int)response.StatusCode;
                var mediaType = response.Content.Headers.ContentType?.MediaType;
                if (status >= 500 || (status >= 400 && mediaType != "application/problem+json"))
                {
                    failures.Add($"{op.Key} with Content-Type '{type}': {status} {mediaType}");
                }
                else if (type.Contains("charset=nope", StringComparison.Ordinal) && status != 415)
                {
                    failures.Add($"{op.Key} with Content-Type '{type}': {status}, expected 415");
                }
            }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} answers:\n  " + string.Join("\n  ", failures.Take(60)));
    }
}
