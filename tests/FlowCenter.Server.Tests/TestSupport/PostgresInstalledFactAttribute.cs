namespace FlowCenter.Server.Tests.TestSupport;

/// <summary>A test that runs a PostgreSQL cluster of its own (<see cref="PrivatePostgres"/>); skipped with that reason when PostgreSQL is not installed.</summary>
public sealed class PostgresInstalledFactAttribute : FactAttribute
{
    public PostgresInstalledFactAttribute()
    {
        if (PrivatePostgres.Binaries is null)
        {
            Skip = "PostgreSQL is not installed (/usr/lib/postgresql/*/bin); ./test.sh installs it with apt-get as root";
        }
    }
}
