using FlowCenter.Server.Api;
using FlowCenter.Server.Components;
using FlowCenter.Server.Hosting;
using FlowCenter.Server.Notifications;
using FlowCenter.Server.Security;
using Hangfire;

var builder = WebApplication.CreateBuilder(args);
builder.AddFlowCenter();
builder.AddFlowCenterSecurity();
builder.AddFlowCenterKeyProtection();
builder.AddFlowCenterNotifications();

var app = builder.Build();
app.UseExceptionHandler();
app.UseServerTimingStart();
app.PrintAddressesOnStart();
app.UseFlowCenterLocalization();
app.UseFlowCenterSecurity();
app.MapStaticAssets().AllowAnonymous();
// Liveness (the process answers) and readiness (the database answers too), for load balancers and orchestrators.
app.MapHealthChecks("/health", new() { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains(DatabaseHealthCheck.ReadyTag) }).AllowAnonymous();
app.MapAccountEndpoints();
app.MapFlowCenterApi();
app.MapTaskApi();
app.MapTokenApi();
app.MapAuditApi();
app.MapWebhooks();
app.MapHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new HangfireDashboardAuthorization()] });
// The security headers carry the whole Content-Security-Policy (frame-ancestors 'none' included).
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null).AddAdditionalAssemblies(typeof(FlowCenter.Studio.Layout.MainLayout).Assembly);
app.Run();
