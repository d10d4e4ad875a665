using System.Text.Json;
using FlowCenter.Runtime.Instances;

namespace FlowCenter.Runtime.Tests.Instances;

/// <summary>Who started a case is a value; its text form is what the database and the API have always held.</summary>
public sealed class StarterTests
{
    [Theory]
    [InlineData("li.na", StarterKind.Person, "li.na")]
    [InlineData("event:order.confirmed", StarterKind.Event, "order.confirmed")]
    [InlineData("parent:0193f1", StarterKind.Parent, "0193f1")]
    [InlineData("webhook:crm", StarterKind.Webhook, "crm")]
    [InlineData("cron", StarterKind.Schedule, "")]
    [InlineData("api", StarterKind.Api, "")]
    [InlineData("system", StarterKind.System, "")]
    public void Parse_ReadsTheStoredText_AndWritesItBack(string text, StarterKind kind, string name)
    {
        var starter = Starter.Parse(text)!.Value;

        Assert.Equal((kind, name, text), (starter.Kind, starter.Name, starter.ToString()));
        Assert.Equal($"\"{text}\"", JsonSerializer.Serialize(starter));
        Assert.Equal(starter, JsonSerializer.Deserialize<Starter>($"\"{text}\""));
    }

    [Fact]
    public void IsPerson_IsTheUserOnly_NotAnEventOfTheSameName()
    {
        Assert.True(Starter.Person("Li.Na").IsPerson("li.na"));
        Assert.False(Starter.Event("li.na").IsPerson("li.na"));
        Assert.Null(Starter.Parse(""));
        // A person whose user name reads like another starter still owns what they started, as the text said.
        Assert.True(Starter.Parse("cron")!.Value.IsPerson("cron"));
        Assert.Equal(StarterKind.Person, Starter.Parse("scheduler")!.Value.Kind);
        Assert.Equal(("event:*", "parent:*", "cron"), (Starter.AnyOf(StarterKind.Event), Starter.AnyOf(StarterKind.Parent), Starter.AnyOf(StarterKind.Schedule)));
    }
}
