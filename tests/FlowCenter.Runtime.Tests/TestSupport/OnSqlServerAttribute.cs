using FlowCenter.Persistence;

namespace FlowCenter.Runtime.Tests.TestSupport;

public sealed class OnSqlServerAttribute() : ProviderDataAttribute(DatabaseProvider.SqlServer);
