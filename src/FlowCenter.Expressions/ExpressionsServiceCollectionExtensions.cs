using FlowCenter.Engine.Expressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace FlowCenter.Expressions;

public static class ExpressionsServiceCollectionExtensions
{
    /// <summary>JavaScript expressions through Jint, with the sandbox limits checked at start-up.</summary>
    public static IServiceCollection AddJavaScriptExpressions(this IServiceCollection services, Action<JavaScriptOptions>? configure = null)
    {
        services.AddOptions<JavaScriptOptions>()
            .Configure(o => configure?.Invoke(o))
            .Validate(o => o.TimeLimit > TimeSpan.Zero && o.MaxStatements > 0 && o.MemoryLimitBytes > 0 && o.MaxRecursionDepth > 0 && o.CacheSize > 0, "JavaScriptOptions: every limit must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new JintExpressionEvaluator(sp.GetRequiredService<IOptions<JavaScriptOptions>>().Value, sp.GetRequiredService<TimeProvider>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IExpressionEvaluator, JintExpressionEvaluator>(sp => sp.GetRequiredService<JintExpressionEvaluator>()));
        return services;
    }
}
