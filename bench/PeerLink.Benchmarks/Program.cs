using BenchmarkDotNet.Running;
using PeerLink.Benchmarks;

// "decisions" times matching decisions one by one (for p99); everything else goes to BenchmarkDotNet.
if (args is ["decisions", ..])
{
    MatchDecisionRun.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
