using FlowCenter.Samples.Console;

return await new ConsoleApp(Console.In, Console.Out, Console.IsInputRedirected).RunAsync(args);
