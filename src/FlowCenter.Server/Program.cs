using FlowCenter.Server.Api;
using FlowCenter.Server.Components;
using FlowCenter.Server.Hosting;
using Hangfire;

var builder = WebApplication.CreateBuilder(args);
builder.AddFlowCenter();

var app = builder.Build();
app.PrintAddressesOnStart();
app.UseFlowCenterLocalization();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapHealthChecks("/health");
app.MapFlowCenterApi();
app.MapHangfireDashboard("/hangfire");
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().AddAdditionalAssemblies(typeof(FlowCenter.Studio.Layout.MainLayout).Assembly);
app.Run();
