using Microsoft.Extensions.Options;
using Orleans.Configuration;
using PeerLink.Silo.Logs;
using StackExchange.Redis;

namespace PeerLink.Silo.Tests.Logs;

/// <summary>
/// Redis going away and coming back under one connection that is never recreated. Each test stops its server, so
/// each has a private one; it keeps an append-only file, so data survives a stop.
/// </summary>
public sealed class RedisLogOutageTests : IAsyncLifetime
{
    // Generous on purpose: these tests say "fails instead of hanging" and "comes back", not how fast.
    private static readonly TimeSpan FailureDeadline = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(30);

    private readonly GrainId grainId = GrainId.Create("conversation", "c1");
    private readonly RedisServer server = new(appendOnly: true);
    private ConnectionMultiplexer? connection;

    private RedisLogStorage Storage => new(connection!, Options.Create(new ClusterOptions { ServiceId = "outage" }));

    public async Task InitializeAsync()
    {
        await server.StartAsync();

        // As the silo connects: never giving up on a Redis that is away.
        connection = await ConnectionMultiplexer.ConnectAsync($"abortConnect=false,connectTimeout=2000,asyncTimeout=3000,{server.ConnectionString}");
    }

    [Fact]
    public async Task While_Redis_is_down_appends_and_reads_fail_with_an_error_naming_the_grain_and_the_operation()
    {
        await Storage.AppendAsync("messages", grainId, "hello"u8.ToArray());

        await server.StopAsync();

        var append = await Assert.ThrowsAsync<LogStorageException>(() => Storage.AppendAsync("messages", grainId, "lost?"u8.ToArray()).WaitAsync(FailureDeadline));
        var read = await Assert.ThrowsAsync<LogStorageException>(() => Storage.ReadAsync("messages", grainId, 0, 10).WaitAsync(FailureDeadline));
        Assert.Contains("append to log 'messages' of grain conversation/c1", append.Message, StringComparison.Ordinal);
        Assert.Contains("read log 'messages' of grain conversation/c1", read.Message, StringComparison.Ordinal);
        Assert.All([append, read], failure => Assert.NotNull(failure.InnerException));
    }

    [Fact]
    public async Task The_log_works_again_without_a_restart_once_Redis_is_back_and_kept_every_acknowledged_entry()
    {
        await Storage.AppendAsync("messages", grainId, "one"u8.ToArray());
        await server.StopAsync();
        await Assert.ThrowsAsync<LogStorageException>(() => Storage.AppendAsync("messages", grainId, "refused"u8.ToArray()).WaitAsync(FailureDeadline));

        await server.StartAsync();

        await Eventually.SucceedsAsync<LogStorageException>(() => Storage.AppendAsync("messages", grainId, "two"u8.ToArray()), RecoveryDeadline);
        var entries = await Storage.ReadAsync("messages", grainId, 0, 10);
        Assert.Equal(["one", "two"], entries.Select(e => System.Text.Encoding.UTF8.GetString(e.Data.Span)));
    }

    public async Task DisposeAsync()
    {
        connection?.Dispose();
        await server.DisposeAsync();
    }
}
