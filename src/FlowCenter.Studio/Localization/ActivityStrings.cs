namespace FlowCenter.Studio.Localization;

/// <summary>
/// The activities' words in the designer: names, descriptions, categories and input labels. English comes from
/// the activity metadata itself (ActivityStrings.resx only overrides it); ActivityStrings.zh-CN.resx holds Chinese.
/// </summary>
public sealed class ActivityStrings;
