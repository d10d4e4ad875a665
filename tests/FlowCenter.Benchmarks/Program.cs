using FlowCenter.Benchmarks;

return args.FirstOrDefault() switch
{
    "engine" => await EngineBenchmark.RunAsync(args.Skip(1).ToArray()),
    "durable" => await DurableBenchmark.RunAsync(args.Skip(1).ToArray()),
    "designer" => await DesignerBenchmark.RunAsync(args.Skip(1).ToArray()),
    "auth" => await AuthBenchmark.RunAsync(args.Skip(1).ToArray()),
    "operations" => await OperationsBenchmark.RunAsync(args.Skip(1).ToArray()),
    "webhooks" => await WebhookBenchmark.RunAsync(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/FlowCenter.Benchmarks -- engine [--seconds N]");
    Console.WriteLine("       dotnet run -c Release --project tests/FlowCenter.Benchmarks -- durable [--history N] [--postgres CONNECTION]");
    Console.WriteLine("       dotnet run -c Release --project tests/FlowCenter.Benchmarks -- designer [--nodes 300] [--runs 5]");
    Console.WriteLine("       dotnet run -c Release --project tests/FlowCenter.Benchmarks -- auth [--seconds 5]");
    Console.WriteLine("       dotnet run -c Release --project tests/FlowCenter.Benchmarks -- operations [--history N] [--postgres CONNECTION] [--only sqlite|postgres] [--keep]");
    Console.WriteLine("       dotnet run -c Release --project tests/FlowCenter.Benchmarks -- webhooks [--deliveries 4000]");
    return 2;
}
