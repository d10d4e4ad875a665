namespace FlowCenter.Server.Tests.TestSupport;

/// <summary>A test that needs the PostgreSQL server ./test.sh starts; skipped with that reason without it.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("FLOWCENTER_TEST_POSTGRES")))
        {
            Skip = "FLOWCENTER_TEST_POSTGRES is not set; ./test.sh starts PostgreSQL and sets it";
        }
    }
}
