using System.Reflection;
using Microsoft.AspNetCore.Components;

namespace FlowCenter.Studio.Tests.Architecture;

/// <summary>The Studio talks to the runtime's services, never to its stores: no page, component or helper is given one.</summary>
public sealed class StudioLayerTests
{
    [Fact]
    public void NothingInTheStudio_IsGivenAStore()
    {
        var types = typeof(StudioServiceCollectionExtensions).Assembly.GetTypes();
        var injected = types.SelectMany(t => t.GetProperties(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(p => p.GetCustomAttribute<InjectAttribute>() is not null)
            .Select(p => (Where: $"{t.Name}.{p.Name}", p.PropertyType)));
        var constructed = types.SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters())
            .Select(p => (Where: $"{p.Member.DeclaringType!.Name}({p.Name})", p.ParameterType)));

        var stores = injected.Concat(constructed)
            .Where(d => d.Item2.Namespace?.StartsWith("FlowCenter.Runtime", StringComparison.Ordinal) == true && d.Item2.Name.EndsWith("Store", StringComparison.Ordinal))
            .Select(d => $"{d.Where}: {d.Item2.Name}");

        Assert.Equal([], stores);
    }
}
