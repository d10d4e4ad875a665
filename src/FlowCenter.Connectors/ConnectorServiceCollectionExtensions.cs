using FlowCenter.Connectors.Http;
using FlowCenter.Engine.Activities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace FlowCenter.Connectors;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>The connector activities beside the built-in ones, the connection testers and the shared clients.</summary>
    public static IServiceCollection AddFlowCenterConnectors(this IServiceCollection services)
    {
        // Answers are buffered up to a limit (HttpClient refuses more while reading, not after), so an outside
        // system cannot fill the server's memory; the node fails naming the limit.
        services.AddHttpClient(HttpRequest.ClientName, c =>
        {
            c.Timeout = Timeout.InfiniteTimeSpan;
            c.MaxResponseContentBufferSize = HttpRequest.MaxAnswerBytes;
        });
        services.TryAddSingleton<HttpPipelines>();
        services.TryAddSingleton<OAuthTokens>();
        services.TryAddSingleton<RestConnection>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, HttpRequest>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, Soap.SoapCall>());
        services.TryAddSingleton<Sql.SqlConnections>();
        services.TryAddSingleton<Files.FolderFiles>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, Mail.SendEmail>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, Mapping.MapData>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, Mapping.ValidateData>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, Mapping.ThreeWayMatch>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, Files.ReadFile>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, Files.WriteFile>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, Files.ConvertFormat>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, Sql.SqlQuery>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, Sql.SqlCommand>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Runtime.Connections.IConnectionTester, Testing.DatabaseConnectionTester>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Runtime.Connections.IConnectionTester, Testing.RestConnectionTester>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Runtime.Connections.IConnectionTester, Testing.FolderConnectionTester>());
        services.TryAddSingleton<Messaging.RabbitConnections>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, Polling.ReadChanges>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IActivity, Messaging.PublishMessage>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Runtime.Connections.IConnectionTester, Testing.RabbitConnectionTester>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Runtime.Connections.IConnectionTester, Testing.SmtpConnectionTester>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<Runtime.Connections.IConnectionTester, Testing.SoapConnectionTester>());
        return services;
    }

    /// <summary>The message trigger: consumes the queues of the RabbitMQ connections and publishes their messages as events.</summary>
    public static IServiceCollection AddFlowCenterMessageTriggers(this IServiceCollection services)
    {
        services.AddHostedService<Messaging.MessageTriggers>();
        return services;
    }
}
