namespace FlowCenter.Server.Hosting;

public static class StartupBanner
{
    /// <summary>Prints where the Studio is once the server listens.</summary>
    public static WebApplication PrintAddressesOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            foreach (var url in app.Urls)
            {
                Console.WriteLine($"FlowCenter Studio: {url}   (Hangfire dashboard: {url.TrimEnd('/')}/hangfire)");
            }

            var security = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Security.SecurityOptions>>().Value;
            if (security.SeedDemoUsers)
            {
                Console.WriteLine($"Sign in as {Security.DemoOrganization.Describe()}; password: {security.DemoPassword}");
            }

            var demo = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DemoOptions>>().Value;
            if (demo.EnterpriseUrl is { Length: > 0 } enterprise)
            {
                Console.WriteLine($"Simulated enterprise systems (connections registered): {enterprise}");
            }
        });
        return app;
    }
}
