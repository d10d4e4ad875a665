using FlowCenter.Persistence;

namespace FlowCenter.Runtime.Tests.TestSupport;

public sealed class OnPostgresAttribute() : ProviderDataAttribute(DatabaseProvider.PostgreSql);
