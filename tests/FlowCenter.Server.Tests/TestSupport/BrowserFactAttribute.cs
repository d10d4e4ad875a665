namespace FlowCenter.Server.Tests.TestSupport;

/// <summary>A test that drives Chromium; skipped with the reason when Debian's chromium is not installed (./test.sh installs it).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!File.Exists(Browser.ExecutablePath))
        {
            Skip = $"{Browser.ExecutablePath} is missing; ./test.sh installs Debian's chromium";
        }
    }
}
