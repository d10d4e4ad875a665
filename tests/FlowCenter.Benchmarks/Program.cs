using FlowCenter.Benchmarks;

return args.FirstOrDefault() switch
{
    "engine" => await EngineBenchmark.RunAsync(args.Skip(1).ToArray()),
    "durable" => await DurableBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/FlowCenter.Benchmarks -- engine [--seconds N]");
    Console.WriteLine("       dotnet run -c Release --project tests/FlowCenter.Benchmarks -- durable [--history N] [--postgres CONNECTION]");
    return 2;
}
