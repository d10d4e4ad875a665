using FlowCenter.Engine.Activities;
using FlowCenter.Interop;
using FlowCenter.Studio.Localization;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Processes;

/// <summary>A line of an import report in the user's language, from its code and parts; a step named by its word.</summary>
public sealed class ImportNoteText(IStringLocalizer<Strings> l, Designer.ActivityText words, ActivityRegistry activities)
{
    public string Of(ImportNote note)
    {
        var args = note.Arguments;
        string Step(int i) => args.Count > i && activities.Find(args[i]) is { } activity ? words.Name(activity) : args.Count > i ? args[i] : "";
        string Arg(int i) => args.Count > i ? args[i] : "";
        // A sentence chosen by the argument at i, filled with the arguments after it.
        LocalizedString Part(string prefix, int i) => l[prefix + Arg(i), [.. args.Skip(i + 1)]];
        LocalizedString text = note.Code switch
        {
            ImportCodes.Mapped => l["Import_Mapped", Step(0)],
            ImportCodes.Approximated => Arg(0).Length == 0 ? Part("ImportChange_", 1) : l["Import_Approximated", Step(0), Part("ImportChange_", 1)],
            ImportCodes.NotInFlowCenter => Part("ImportMissing_", 0),
            ImportCodes.Boundary => Part("ImportBoundary_", 0),
            ImportCodes.UnknownType => l["Import_UnknownType", Arg(0)],
            ImportCodes.ExpressionLanguage => l["Import_ExpressionLanguage", Arg(0), Arg(1)],
            ImportCodes.ExpressionRewritten => l["Import_ExpressionRewritten", Arg(0), Arg(1), Arg(2)],
            ImportCodes.SettingDropped => args.Count > 1 ? l["ImportDropped_" + Arg(1), Arg(0)] : l["Import_SettingDropped", Arg(0)],
            ImportCodes.DanglingConnection => l["Import_DanglingConnection", Arg(0)],
            ImportCodes.IdAssigned => l["Import_IdAssigned", Arg(0)],
            ImportCodes.Flattened => l["Import_Flattened_" + Arg(0)],
            ImportCodes.Variable => l["Import_Variable_" + Arg(1), Arg(0)],
            _ => new LocalizedString(note.Code, note.Message, resourceNotFound: true),
        };

        // A sentence the resources lack says so in English rather than showing its key; the words test finds every one.
        return text.ResourceNotFound ? note.Message : text.Value;
    }
}
