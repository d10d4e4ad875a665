using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace FlowCenter.Studio.Localization;

/// <summary>
/// A sentence in the UI's own words around names of things (people, steps, processes, titles): "Waiting at {0}".
/// On a page each name is marked <c>translate="no"</c>, so that a browser's translator leaves names alone and the
/// page tour can tell the UI's words (which must be in the page's language) from names (which are what they are).
/// </summary>
public sealed partial record Named(string Format, IReadOnlyList<string> Names, string Tag = "span")
{
    /// <summary>A resource's text with its placeholders filled by names: <c>Named.Of(L["RequestWaiting"], step)</c>.</summary>
    public static Named Of(LocalizedString format, params string[] names) => new(format.Value, names);

    /// <summary>A resource's text around samples of code or syntax, each shown as <c>code</c>: "e.g. {0}".</summary>
    public static Named WithCode(LocalizedString format, params string[] code) => new(format.Value, code, "code");

    /// <summary>A text with no names in it.</summary>
    public static Named Plain(string text) => new(text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal), []);

    public override string ToString() => string.Format(CultureInfo.CurrentCulture, Format, [.. Names]);

    /// <summary>The sentence for a page: the words as text, each name in a <c>span translate="no"</c>.</summary>
    public RenderFragment Fragment => builder =>
    {
        foreach (var part in Placeholder().Split(Format))
        {
            if (Placeholder().IsMatch(part) && int.Parse(part[1..^1], CultureInfo.InvariantCulture) is var index && index < Names.Count)
            {
                builder.OpenElement(0, Tag);
                builder.AddAttribute(1, "translate", "no");
                builder.AddContent(2, Names[index]);
                builder.CloseElement();
            }
            else if (part.Length > 0)
            {
                builder.AddContent(3, part.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal));
            }
        }
    };

    [GeneratedRegex(@"(\{\d+\})")]
    private static partial Regex Placeholder();
}
