using FlowCenter.Engine.Serialization;

namespace FlowCenter.Engine.Tests.Serialization;

/// <summary>
/// A file's kind at first sight, on real files from other tools (Fixtures/, see their SOURCES.txt): every Elsa 3
/// export is Elsa, every BPMN 2.0 file (MIWG, Camunda 7, Flowable) is BPMN, every shipped definition is ours.
/// </summary>
public sealed class DefinitionFilesTests
{

    public static TheoryData<string> ElsaFiles() => RepositoryPaths.FixtureNames("elsa");

    public static TheoryData<string> BpmnFiles() => RepositoryPaths.FixtureNames("bpmn");

    public static TheoryData<string> ShippedFiles() => [.. RepositoryPaths.WorkflowFiles.Select(f => Path.GetFileName(f)).Order()];

    [Theory]
    [MemberData(nameof(ElsaFiles))]
    public void ElsaExport_IsSeenAsElsa(string file) =>
        Assert.Equal(DefinitionFileKind.Elsa, DefinitionFiles.Guess(File.ReadAllText(RepositoryPaths.Fixture("elsa", file))));

    [Theory]
    [MemberData(nameof(BpmnFiles))]
    public void BpmnFile_IsSeenAsBpmn(string file) =>
        Assert.Equal(DefinitionFileKind.Bpmn, DefinitionFiles.Guess(File.ReadAllText(RepositoryPaths.Fixture("bpmn", file))));

    [Theory]
    [MemberData(nameof(ShippedFiles))]
    public void ShippedDefinition_IsOurs(string file) =>
        Assert.Equal(DefinitionFileKind.FlowCenter, DefinitionFiles.Guess(File.ReadAllText(Path.Combine(RepositoryPaths.Workflows, file))));

    [Theory]
    [InlineData("<?xml version=\"1.0\"?><html><body/></html>", DefinitionFileKind.OtherXml)]
    [InlineData("name,amount\nx,1", DefinitionFileKind.Unknown)]
    [InlineData("{ \"id\": ", DefinitionFileKind.FlowCenter)]
    [InlineData("", DefinitionFileKind.Unknown)]
    public void OtherText_IsNamedForWhatItIs(string text, DefinitionFileKind expected) => Assert.Equal(expected, DefinitionFiles.Guess(text));
}
