using FlowCenter.Server.Api;
using FlowCenter.Server.Components;
using FlowCenter.Server.Hosting;
using FlowCenter.Server.Notifications;
using FlowCenter.Server.Security;
using Hangfire;

var builder = WebApplication.CreateBuilder(args);
builder.AddFlowCenter();
builder.AddFlowCenterSecurity();
builder.AddFlowCenterNotifications();

var app = builder.Build();
app.UseExceptionHandler();
app.PrintAddressesOnStart();
app.UseFlowCenterLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapStaticAssets().AllowAnonymous();
app.MapHealthChecks("/health").AllowAnonymous();
app.MapAccountEndpoints();
app.MapFlowCenterApi();
app.MapTaskApi();
app.MapWebhooks();
app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new HangfireDashboardAuthorization()] });
app.MapRazorComponents<App>().AddInteractiveServerRenderMode().AddAdditionalAssemblies(typeof(FlowCenter.Studio.Layout.MainLayout).Assembly);
app.Run();
