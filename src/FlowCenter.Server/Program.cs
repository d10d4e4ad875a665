using FlowCenter.Server.Api;
using FlowCenter.Server.Hosting;
using Hangfire;

var builder = WebApplication.CreateBuilder(args);
builder.AddFlowCenter();

var app = builder.Build();
app.MapHealthChecks("/health");
app.MapFlowCenterApi();
app.MapHangfireDashboard("/hangfire");
app.Run();
