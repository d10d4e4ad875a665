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
        });
        return app;
    }
}
