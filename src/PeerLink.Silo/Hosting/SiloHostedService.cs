using Microsoft.Extensions.Hosting;
using PeerLink.Silo.Reminders;
using PeerLink.Silo.Runtime;

namespace PeerLink.Silo.Hosting;

/// <summary>Starts reminders and idle collection with the host, and deactivates every grain when it stops.</summary>
internal sealed class SiloHostedService(GrainRuntime runtime, ReminderService reminders, ActivationCollector collector) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await reminders.StartAsync();
        collector.Start();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        collector.Dispose();
        reminders.Dispose();
        await runtime.StopAsync(cancellationToken);
    }
}
