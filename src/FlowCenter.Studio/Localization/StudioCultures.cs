namespace FlowCenter.Studio.Localization;

/// <summary>The languages the Studio speaks.</summary>
public static class StudioCultures
{
    public const string English = "en-US";
    public const string Chinese = "zh-CN";

    public static IReadOnlyList<string> All { get; } = [English, Chinese];
}
