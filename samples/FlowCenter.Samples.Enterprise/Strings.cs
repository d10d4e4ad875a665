namespace FlowCenter.Samples.Enterprise;

/// <summary>The simulator's UI texts (Resources/Strings.resx, Strings.zh-CN.resx).</summary>
public sealed class Strings;
