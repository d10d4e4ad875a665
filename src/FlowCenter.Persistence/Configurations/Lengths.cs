namespace FlowCenter.Persistence.Configurations;

/// <summary>Column lengths, so that keys and indexed columns fit every provider's index limits.</summary>
internal static class Lengths
{
    public const int Id = 100;
    public const int Short = 100;
    public const int Name = 300;
    public const int Long = 1000;
}
