using System.Globalization;
using System.Resources;
using FlowCenter.Connectors;
using FlowCenter.Engine.Activities;
using FlowCenter.Engine.Definitions;
using FlowCenter.Studio.Localization;
using FlowCenter.Studio.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Tests.Localization;

/// <summary>The UI's words are complete in both languages: every text, and every port an activity can show.</summary>
public sealed class ResourceCompletenessTests : StudioTestContext
{
    private static readonly CultureInfo Chinese = new("zh-CN");

    public ResourceCompletenessTests() => Services.AddFlowCenterConnectors();

    [Theory]
    [InlineData("FlowCenter.Studio.Localization.Strings")]
    [InlineData("FlowCenter.Studio.Localization.ActivityStrings")]
    [InlineData("FlowCenter.Studio.Localization.MudStrings")]
    public void EveryEnglishText_HasAChineseOne_AndTheOtherWayRound(string baseName)
    {
        var manager = new ResourceManager(baseName, typeof(Strings).Assembly);
        var english = Texts(manager, CultureInfo.InvariantCulture);
        var chinese = Texts(manager, Chinese);
        var emptyOrMissing = english.Where(e => !chinese.TryGetValue(e.Key, out var zh) || zh.Trim().Length == 0).Select(e => e.Key).Order().ToList();
        var onlyChinese = chinese.Keys.Where(k => !english.ContainsKey(k)).Order().ToList();
        Assert.True(emptyOrMissing.Count == 0, "Without Chinese: " + string.Join(", ", emptyOrMissing));
        Assert.True(onlyChinese.Count == 0, "Without English: " + string.Join(", ", onlyChinese));
        Assert.NotEmpty(english);
    }

    /// <summary>A name written twice in a resource file keeps only its first text: a new sentence under a name already taken never shows.</summary>
    [Fact]
    public void EveryResourceFile_NamesEachTextOnce()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "FlowCenter.sln")))
        {
            folder = folder.Parent;
        }

        var files = Directory.GetFiles(Path.Combine(folder!.FullName, "src", "FlowCenter.Studio", "Localization"), "*.resx");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var twice = System.Xml.Linq.XDocument.Load(file).Root!.Elements("data").GroupBy(d => (string)d.Attribute("name")!).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(twice.Count == 0, $"{Path.GetFileName(file)} names these twice: {string.Join(", ", twice)}");
        }
    }

    [Fact]
    public void EveryWordOfMudBlazor_TheStudioCanShow_HasAChineseOne()
    {
        var mud = Texts(new ResourceManager("MudBlazor.Resources.LanguageResource", typeof(MudBlazor.MudButton).Assembly), CultureInfo.InvariantCulture);
        var ours = Texts(new ResourceManager("FlowCenter.Studio.Localization.MudStrings", typeof(Strings).Assembly), Chinese);
        string[] unused = ["MudDataGrid", "MudColorPicker", "MudCarousel", "HeatMap"]; // components the Studio does not use
        var missing = mud.Keys.Where(k => !unused.Any(u => k.StartsWith(u, StringComparison.Ordinal)) && !ours.ContainsKey(k)).Order().ToList();
        Assert.True(mud.Count > 100, "MudBlazor's words were found");
        Assert.True(missing.Count == 0, "MudBlazor words without Chinese: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryReasonTheTaskServiceRefuses_IsSaidInBothLanguages()
    {
        var manager = new ResourceManager("FlowCenter.Studio.Localization.Strings", typeof(Strings).Assembly);
        var english = Texts(manager, CultureInfo.InvariantCulture);
        var chinese = Texts(manager, Chinese);
        var missing = Enum.GetValues<FlowCenter.Runtime.Tasks.TaskRefusal>().Where(r => r != FlowCenter.Runtime.Tasks.TaskRefusal.Other)
            .Select(r => "Refusal_" + r).Where(k => !english.ContainsKey(k) || !chinese.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Refusals without words: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryPortAnActivityCanShow_IsNamedInBothLanguages()
    {
        var manager = new ResourceManager("FlowCenter.Studio.Localization.ActivityStrings", typeof(Strings).Assembly);
        var english = Texts(manager, CultureInfo.InvariantCulture);
        var chinese = Texts(manager, Chinese);
        var registry = Services.GetRequiredService<ActivityRegistry>();
        var ports = registry.All.SelectMany(a => a.Ports).Concat([Ports.Error, Ports.Timeout, Ports.Reminder, Ports.Default, "branch", "approve", "reject"]).ToHashSet();
        Assert.Contains("success", ports); // the connectors' activities are there too
        var missing = ports.Where(p => !english.ContainsKey("Port." + p) || !chinese.ContainsKey("Port." + p)).Order().ToList();
        Assert.True(missing.Count == 0, "Ports without words in both languages: " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryActivity_ItsInputsAndTheirChoices_HaveWordsInBothLanguages()
    {
        var manager = new ResourceManager("FlowCenter.Studio.Localization.ActivityStrings", typeof(Strings).Assembly);
        var english = Texts(manager, CultureInfo.InvariantCulture);
        var chinese = Texts(manager, Chinese);
        var registry = Services.GetRequiredService<ActivityRegistry>();
        var missing = new List<string>();
        foreach (var activity in registry.All)
        {
            IEnumerable<string> keys = [activity.TypeName, activity.TypeName + ".Description", .. activity.Inputs.SelectMany(i => new[] { $"{activity.TypeName}.{i.Name}", $"{activity.TypeName}.{i.Name}.Description" })];
            missing.AddRange(keys.Where(k => !english.ContainsKey(k) || !chinese.ContainsKey(k)));
            foreach (var input in activity.Inputs.Where(i => i.Choices is not null))
            {
                missing.AddRange(input.Choices!.Where(c => !c.All(char.IsUpper)) // GET, POST... are words of their own
                    .Select(c => $"{activity.TypeName}.{input.Name}.{c}")
                    .Where(k => !(english.ContainsKey(k) && chinese.ContainsKey(k)) && !(english.ContainsKey("Choice." + k.Split('.')[^1]) && chinese.ContainsKey("Choice." + k.Split('.')[^1]))));
            }
        }

        Assert.True(registry.All.Count >= 30, "the connectors' activities are registered too");
        Assert.True(missing.Count == 0, "Without words in both languages: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("en-US", "event:order.confirmed", "system event: order confirmed")]
    [InlineData("zh-CN", "event:order.confirmed", "系统事件：order confirmed")]
    [InlineData("zh-CN", "event:order.shipped", "系统事件：发货 / Shipped")]
    [InlineData("en-US", "cron", "schedule")]
    [InlineData("zh-CN", "parent:A-1", "上级流程")]
    [InlineData("en-US", "zhang.wei", "张伟")]
    [InlineData("en-US", "someone.gone", "someone.gone")]
    public void WhoStarted_ReadsAsWords(string culture, string stored, string shown)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var l = Services.GetRequiredService<IStringLocalizer<Strings>>();
        Assert.Equal(shown, WhoText.Of(l, new Dictionary<string, string> { ["zhang.wei"] = "张伟", ["event:order.shipped"] = "发货 / Shipped" }, stored));
    }

    [Theory]
    [InlineData("en-US", "approve", "Approve")]
    [InlineData("zh-CN", "approve", "同意")]
    [InlineData("en-US", "branch3", "Branch 3")]
    [InlineData("zh-CN", "branch3", "分支 3")]
    [InlineData("zh-CN", "default", "其他情况")]
    [InlineData("zh-CN", "pay", "付款 / Pay")]
    [InlineData("en-US", "dispute", "dispute")]
    public void APort_SaysWhatItIs(string culture, string port, string shown)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var node = new NodeDefinition { Id = "task", Type = "UserTask" };
        node.Inputs["outcomeLabels"] = new InputValue { Literal = new System.Text.Json.Nodes.JsonObject { ["pay"] = "付款 / Pay" } };
        Assert.Equal(shown, Services.GetRequiredService<FlowCenter.Studio.Designer.ActivityText>().Port(node, port));
    }

    [Theory]
    [InlineData("zh-CN", null, "请填写“事由”")]
    [InlineData("zh-CN", "2", "请填写“明细第 2 行的“数量””")]
    [InlineData("en-US", null, "'事由' is required")]
    public void AFormProblem_IsSaidInTheUsersLanguage(string culture, string? row, string shown)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var problem = row is null ? new FlowCenter.Runtime.Tasks.FormProblem(FlowCenter.Runtime.Tasks.FormProblemCode.Required, "事由")
            : new FlowCenter.Runtime.Tasks.FormProblem(FlowCenter.Runtime.Tasks.FormProblemCode.Required, "明细") { Row = row, Column = "数量" };
        Assert.Equal(shown, FormWords.Of(Services.GetRequiredService<IStringLocalizer<Strings>>(), problem));
        Assert.Contains("is required", problem.Message, StringComparison.Ordinal); // the API's English stays
    }

    [Fact]
    public void EveryFormProblem_HasWordsInBothLanguages()
    {
        var manager = new ResourceManager("FlowCenter.Studio.Localization.Strings", typeof(Strings).Assembly);
        var english = Texts(manager, CultureInfo.InvariantCulture);
        var chinese = Texts(manager, Chinese);
        var missing = Enum.GetNames<FlowCenter.Runtime.Tasks.FormProblemCode>().Select(c => "Form" + c).Where(k => !english.ContainsKey(k) || !chinese.ContainsKey(k)).ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("zh-CN", "“采购申请”已被 li.na 认领。")]
    [InlineData("en-US", "“采购申请” was already claimed by li.na.")]
    public void ARefusal_ReadsInTheUsersLanguage(string culture, string shown)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var l = Services.GetRequiredService<IStringLocalizer<Strings>>();
        var refusal = new FlowCenter.Runtime.Tasks.TaskActionException(FlowCenter.Runtime.Tasks.TaskRefusal.AlreadyClaimed, "'采购申请' was already claimed by li.na.", ["采购申请", "li.na"]);
        Assert.Equal(shown, RefusalText.Of(l, refusal));
    }

    [Fact]
    public void AnIncompleteForm_IsSaidFieldByField_InChinese()
    {
        CultureInfo.CurrentUICulture = Chinese;
        var l = Services.GetRequiredService<IStringLocalizer<Strings>>();
        var refusal = new FlowCenter.Runtime.Tasks.TaskActionException(FlowCenter.Runtime.Tasks.TaskRefusal.FormIncomplete, "The form is not filled in as it must be: Reason is required.")
        {
            FormProblems = [new FlowCenter.Runtime.Tasks.FormProblem(FlowCenter.Runtime.Tasks.FormProblemCode.Required, "事由")],
        };
        var text = RefusalText.Of(l, refusal);
        Assert.Contains("事由", text, StringComparison.Ordinal);
        Assert.DoesNotContain("required", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void AnEventThatStartsAProcess_IsNamedByItsStartStep()
    {
        var definition = new WorkflowBuilder("d").Node("confirmed", "EventStart").Node("wait", "WaitEvent").Node("end", "End")
            .Configure("confirmed", n => { n.DisplayName = "CRM 订单确认 / Order confirmed"; n.Inputs["eventName"] = FlowCenter.Engine.Definitions.InputValue.FromLiteral("order.confirmed"); })
            .Configure("wait", n => { n.DisplayName = "等待生产"; n.Inputs["eventName"] = FlowCenter.Engine.Definitions.InputValue.FromLiteral("order.produced"); })
            .Connect("confirmed", "wait").Connect("wait", "end").Build();

        var names = DisplayNames.ByUserName([]).WithEvents([definition]);

        Assert.Equal("CRM 订单确认 / Order confirmed", names["event:order.confirmed"]);
        Assert.False(names.ContainsKey("event:order.produced")); // a step that waits for an event starts nothing
    }

    private static Dictionary<string, string> Texts(ResourceManager manager, CultureInfo culture)
    {
        using var set = manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!;
        return set.Cast<System.Collections.DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "");
    }
}
