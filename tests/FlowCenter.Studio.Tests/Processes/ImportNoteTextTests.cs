using FlowCenter.Interop;
using FlowCenter.Studio.Processes;
using Microsoft.Extensions.DependencyInjection;

namespace FlowCenter.Studio.Tests.Processes;

/// <summary>
/// Every line the importers write for the real Elsa and BPMN files (the engine tests' fixtures) has its sentence in
/// both languages: none falls back to the English message, none shows a resource key.
/// </summary>
public abstract class ImportNoteTextTests(string culture) : StudioTestContext(culture)
{
    private static IEnumerable<ImportNote> AllNotes()
    {
        var fixtures = Path.Combine(Root(), "tests", "FlowCenter.Engine.Tests", "Fixtures");
        foreach (var file in Directory.EnumerateFiles(fixtures, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            foreach (var imported in DefinitionConverter.Import(File.ReadAllText(file), source: file).Definitions)
            {
                foreach (var note in imported.Notes)
                {
                    yield return note;
                }
            }
        }
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FlowCenter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("No FlowCenter.sln above the test's folder.");
    }

    [Fact]
    public void EveryReportLine_OfTheRealFiles_HasItsSentence()
    {
        var text = Services.GetRequiredService<ImportNoteText>();
        var missing = new List<string>();
        var notes = AllNotes().ToList();
        Assert.True(notes.Count > 200);
        foreach (var note in notes)
        {
            var said = text.Of(note);
            if (said == note.Message || said.Contains("Import", StringComparison.Ordinal) && said.Contains('_', StringComparison.Ordinal))
            {
                missing.Add($"{note.Code} [{string.Join(", ", note.Arguments)}]: {said}");
            }
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing.Distinct()));
    }
}

public sealed class ImportNoteTextEnglishTests() : ImportNoteTextTests("en-US");

public sealed class ImportNoteTextChineseTests() : ImportNoteTextTests("zh-CN");
