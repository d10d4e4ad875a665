using System.Text.Json.Nodes;
using FlowCenter.Engine.Contracts;

namespace FlowCenter.Engine.Tests.Contracts;

/// <summary>The bookmark contracts read what was stored before them and write the names definitions use.</summary>
public sealed class ContractJsonTests
{
    [Fact]
    public void UserTaskRequest_WrittenAndRead_KeepsEveryValue_WithTheDefinitionsNames()
    {
        var request = new UserTaskRequest
        {
            Title = "经理审批",
            AssignTo = AssignmentKind.NodeAssignee,
            Assignee = ["apply"],
            Mode = ApprovalMode.Sequential,
            TimeoutAction = TimeoutAction.Escalate,
            RemindEvery = TimeSpan.FromMinutes(90),
            DueAt = new DateTimeOffset(2026, 12, 4, 8, 0, 0, TimeSpan.Zero),
            OutcomeLabels = new Dictionary<string, string> { ["pay"] = "付款" },
            Form = new JsonObject { ["fields"] = new JsonArray() },
        };

        var json = ContractJson.ToJson(request);
        var back = ContractJson.Read<UserTaskRequest>(json);

        Assert.Equal(("nodeAssignee", "sequential", "escalate", "PT1H30M"), (json["assignTo"]!.GetValue<string>(), json["mode"]!.GetValue<string>(), json["timeoutAction"]!.GetValue<string>(), json["remindEvery"]!.GetValue<string>()));
        Assert.False(json.ContainsKey("fieldAccess")); // empty parts are left out
        Assert.Equal((request.Title, request.AssignTo, request.Mode, request.TimeoutAction, request.RemindEvery, request.DueAt), (back.Title, back.AssignTo, back.Mode, back.TimeoutAction, back.RemindEvery, back.DueAt));
        Assert.Equal(["apply"], back.Assignee);
        Assert.Equal("付款", back.OutcomeLabels["pay"]);
        Assert.Equal(request.Form!.ToJsonString(), back.Form!.ToJsonString());
    }

    [Fact]
    public void UserTaskRequest_FromDataStoredBeforeTheContract_ReadsItsValuesAndDefaults()
    {
        // A bookmark's data as the node wrote it by hand, with explicit nulls, and a task step's stored spec with
        // the .NET duration form: both still read.
        var bookmark = JsonNode.Parse("""{"title":"HR","assignTo":"role","assignee":["hr"],"managerLevels":1,"mode":"all","percent":50,"autoApprove":false,"outcomes":["approve","reject"],"outcomeLabels":null,"form":null,"dueAt":"2026-12-01T09:30:00+00:00","timeoutAction":"none","remindEvery":"PT4H"}""");
        var stored = JsonNode.Parse("""{"assignTo":"user","mode":"percent","percent":60,"remindEvery":"01:00:00","outcomeLabels":{"pay":"Pay"}}""");

        var fromBookmark = ContractJson.Read<UserTaskRequest>(bookmark);
        var fromStore = ContractJson.Read<UserTaskRequest>(stored);

        Assert.Equal((AssignmentKind.Role, ApprovalMode.All, TimeSpan.FromHours(4)), (fromBookmark.AssignTo, fromBookmark.Mode, fromBookmark.RemindEvery));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero), fromBookmark.DueAt);
        Assert.Empty(fromBookmark.OutcomeLabels);
        Assert.Equal((ApprovalMode.Percent, 60, TimeSpan.FromHours(1), 1), (fromStore.Mode, fromStore.Percent, fromStore.RemindEvery, fromStore.ManagerLevels));
        Assert.Equal(TaskOutcomes.Approval, fromStore.Outcomes);
    }

    [Fact]
    public void UserTaskRequest_WithAnEmptySettingOrANonTextLabel_ReadsTheDefaultAndTheTexts()
    {
        var request = ContractJson.Read<UserTaskRequest>(JsonNode.Parse("""{"mode":"","assignTo":"role","outcomeLabels":{"pay":"Pay","count":3,"empty":""}}"""));

        Assert.Equal((ApprovalMode.Single, AssignmentKind.Role), (request.Mode, request.AssignTo));
        Assert.Equal(["pay"], request.OutcomeLabels.Keys);
        Assert.Throws<System.Text.Json.JsonException>(() => ContractJson.Read<UserTaskRequest>(JsonNode.Parse("""{"mode":"most"}""")));
    }

    [Fact]
    public void UserTaskDecision_OfTheWrongShape_IsRefusedWithWhatADecisionIs()
    {
        Assert.Throws<System.Text.Json.JsonException>(() => ContractJson.Read<UserTaskDecision>(JsonNode.Parse("""{"outcome":"approve","data":"not an object"}""")));
        Assert.Equal("approve", ContractJson.Read<UserTaskDecision>(JsonNode.Parse("""{"outcome":"approve","extra":1}""")).Outcome);
    }

    [Theory]
    [InlineData("sequential", ApprovalMode.Sequential)]
    [InlineData("Percent", ApprovalMode.Percent)]
    [InlineData(null, ApprovalMode.Single)]
    public void ContractNames_ParsesWhatDefinitionsSay(string? name, ApprovalMode expected) => Assert.Equal(expected, ContractNames.Parse<ApprovalMode>(name));

    [Fact]
    public void ContractNames_RefusesAnUnknownName() =>
        Assert.Contains("single, sequential, all, any, percent", Assert.Throws<Engine.Execution.ActivityException>(() => ContractNames.Parse<ApprovalMode>("most")).Message, StringComparison.Ordinal);
}
