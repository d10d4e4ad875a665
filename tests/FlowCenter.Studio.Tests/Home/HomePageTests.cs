using FlowCenter.Runtime.Organization;
using FlowCenter.Studio.Home;

namespace FlowCenter.Studio.Tests.Home;

/// <summary>Each card on Home says what it opens (they all said "Open in the designer").</summary>
public sealed class HomePageTests : StudioTestContext
{
    // Registered before the context's set-up reads its services; who is signed in is set by each test.
    private readonly Bunit.TestDoubles.BunitAuthorizationContext _authorization;

    public HomePageTests() => _authorization = AddAuthorization();

    [Fact]
    public void Designer_SeesThreeCards_EachButtonNamingWhatItOpens()
    {
        _authorization.SetAuthorized("designer").SetRoles(Roles.Designer);

        var home = Render<HomePage>();

        home.WaitForAssertion(() => Assert.Equal(
            [("processes", "Open the process list"), ("designer", "Open the designer"), ("tasks", "Open my tasks")],
            home.FindAll("a[data-testid^=home-]").Select(a => (a.GetAttribute("href")!, a.TextContent.Trim()))));
    }

    [Fact]
    public void PlainUser_SeesOnlyTheTasksCard()
    {
        _authorization.SetAuthorized("zhang.wei");

        var home = Render<HomePage>();

        home.WaitForAssertion(() => Assert.Equal(["Open my tasks"], home.FindAll("a[data-testid^=home-]").Select(a => a.TextContent.Trim())));
    }
}
