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

            else if (app.Services.GetRequiredService<FlowCenter.Runtime.Organization.IDirectory>().ListUsersAsync().GetAwaiter().GetResult().Count == 0)
            {
                Console.WriteLine("No one can sign in yet. Start once with FlowCenter__Security__InitialAdministrator__UserName and "
                    + "FlowCenter__Security__InitialAdministrator__Password set to create the first administrator (./run.sh starts the demo instead).");
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
