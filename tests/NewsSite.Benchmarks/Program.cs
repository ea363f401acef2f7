using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/NewsSite.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(NewsSite.Benchmarks.StageBenchmarks).Assembly).Run(args);
