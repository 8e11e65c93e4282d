using Microsoft.Extensions.Hosting;

namespace PeerLink.Grains.Safety;

/// <summary>
/// Builds the crisis detector at start-up. Compiling its rules takes a second or more, and without this the
/// first message after a start would pay for it, delaying that message and any crisis alert it carries.
/// </summary>
internal sealed class CrisisDetectorWarmup(ICrisisDetector detector) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (detector is CrisisDetector rules)
        {
            rules.Warm();
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
