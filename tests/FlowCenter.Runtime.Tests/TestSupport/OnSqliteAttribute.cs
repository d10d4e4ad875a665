using FlowCenter.Persistence;

namespace FlowCenter.Runtime.Tests.TestSupport;

public sealed class OnSqliteAttribute() : ProviderDataAttribute(DatabaseProvider.Sqlite);
