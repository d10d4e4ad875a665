using System.Reflection;
using FlowCenter.Persistence;
using Xunit.Sdk;

namespace FlowCenter.Runtime.Tests.TestSupport;

/// <summary>Runs a theory on one database provider, or counts it as skipped with the reason when that provider is not available.</summary>
public abstract class ProviderDataAttribute : DataAttribute
{
    private readonly DatabaseProvider _provider;

    protected ProviderDataAttribute(DatabaseProvider provider)
    {
        _provider = provider;
        Skip = TestDatabase.UnavailableReason(provider);
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[_provider]];
}
