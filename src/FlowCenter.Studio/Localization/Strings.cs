namespace FlowCenter.Studio.Localization;

/// <summary>The Studio's UI text: Strings.resx (English) and Strings.zh-CN.resx (Chinese).</summary>
public sealed class Strings;
