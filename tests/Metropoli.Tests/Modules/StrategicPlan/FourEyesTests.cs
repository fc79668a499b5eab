using System.Net;
using Metropoli.Tests.Infrastructure;

namespace Metropoli.Tests.Modules.StrategicPlan;

/// <summary>Issue 18, point 19: the plan office could validate a value it had submitted itself. The validator of a
/// measurement must differ from its submitter (four eyes); rejecting one's own value stays possible.</summary>
public sealed class FourEyesTests(IndicatorsFixture fx) : IClassFixture<IndicatorsFixture>
{
    [Fact]
    public async Task The_submitter_never_validates_and_a_second_person_does()
    {
        var office = await fx.As(Demo.PlanOffice);
        var (tree, indicator) = await Extras.PlanWithIndicatorAsync(office, "adopted");
        var own = await Extras.SubmitAsync(office, indicator, "2031", 40);
        var refused = await (await Extras.PostWithVersion(office, $"/api/v1/measurements/{own}/validation", 1)).ShouldBeProblem(409);
        Assert.Contains("quattro occhi", refused.GetProperty("reason").GetString() ?? refused.GetProperty("detail").GetString());
        Assert.Equal("submitted", (await office.GetJson($"/api/v1/indicators/{indicator}/measurements"))
            .GetProperty("items").EnumerateArray().Single(m => m.GetProperty("id").GetInt64() == own).GetProperty("status").GetString());

        await Extras.ValidateAsync(await fx.As(Demo.Admin), own);
        Assert.NotEqual(0, tree.PlanId);
    }
}
