using Microsoft.Extensions.Options;
using PeerLink.Silo.Hosting;
using PeerLink.Silo.Reminders;
using PeerLink.Silo.Storage;
using PeerLink.Silo.Storage.Redis;
using PeerLink.Silo.Tests.Redis;
using PeerLink.Testing;

namespace PeerLink.Silo.Tests.Storage;

/// <summary>
/// Redis going away and coming back under one connection that is never recreated. Each test stops
/// its server, so each has a private one; it keeps an append-only file, so data survives a stop.
/// </summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private const string StateName = ProfileStorage.StateName;

    // Generous on purpose: these tests say "fails instead of hanging" and "comes back", not how fast.
    private static readonly TimeSpan FailureDeadline = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(30);

    private readonly GrainId grainId = new("user", "ada");
    private readonly IOptions<SiloOptions> silo = RedisFixture.NewService();
    private readonly RedisServer server = new(appendOnly: true);
    private readonly RedisConnection connection;
    private readonly RedisGrainStorage storage;

    public RedisOutageTests()
    {
        connection = new RedisConnection(server.ConnectionString);
        storage = new RedisGrainStorage(connection, silo);
    }

    [Fact]
    public async Task While_Redis_is_down_reads_and_writes_fail_with_an_error_naming_the_grain_and_the_operation()
    {
        await server.StartAsync();
        var state = await WriteAsync("Ada");

        await server.StopAsync();

        var read = await Assert.ThrowsAsync<GrainStorageException>(() => storage.ReadStateAsync(StateName, grainId, state).WaitAsync(FailureDeadline));
        var write = await Assert.ThrowsAsync<GrainStorageException>(() => storage.WriteStateAsync(StateName, grainId, state).WaitAsync(FailureDeadline));
        Assert.Contains("read state 'profile' of grain user/ada", read.Message, StringComparison.Ordinal);
        Assert.Contains("write state 'profile' of grain user/ada", write.Message, StringComparison.Ordinal);
        Assert.All([read, write], failure =>
        {
            Assert.Contains($"Redis at 127.0.0.1:{server.Port} is unreachable", failure.Message, StringComparison.Ordinal);
            Assert.NotNull(failure.InnerException);
        });
    }

    [Fact]
    public async Task Storage_works_again_without_a_restart_once_Redis_is_back()
    {
        await server.StartAsync();
        var written = await WriteAsync("Ada");
        await server.StopAsync();
        await Assert.ThrowsAsync<GrainStorageException>(() => ReadAsync().WaitAsync(FailureDeadline));

        await server.StartAsync();

        await Eventually.SucceedsAsync<GrainStorageException>(ReadAsync, RecoveryDeadline);
        var read = await ReadAsync();
        Assert.Equal("Ada", read.State.Name);
        Assert.Equal(written.ETag, read.ETag);
        await storage.WriteStateAsync(StateName, grainId, read);
    }

    [Fact]
    public async Task Storage_made_while_Redis_is_down_works_once_Redis_starts()
    {
        await Assert.ThrowsAsync<GrainStorageException>(() => ReadAsync().WaitAsync(FailureDeadline));

        await server.StartAsync();

        await Eventually.SucceedsAsync<GrainStorageException>(() => WriteAsync("Ada"), RecoveryDeadline);
        Assert.Equal("Ada", (await ReadAsync()).State.Name);
    }

    [Fact]
    public async Task A_Redis_that_stops_answering_fails_commands_instead_of_holding_them()
    {
        await server.StartAsync();
        await WriteAsync("Ada");

        // Longer than the deadline: a command that waited for Redis would end in a TimeoutException from WaitAsync.
        await server.PauseClientsAsync(TimeSpan.FromSeconds(30));

        var failure = await Assert.ThrowsAsync<GrainStorageException>(() => ReadAsync().WaitAsync(FailureDeadline));
        Assert.IsAssignableFrom<TimeoutException>(failure.InnerException);
    }

    [Fact]
    public async Task While_Redis_is_down_the_reminder_table_fails_with_a_storage_error_and_works_again_once_it_is_back()
    {
        var table = new RedisReminderTable(connection, silo);
        await server.StartAsync();
        var eTag = await table.UpsertRowAsync(new ReminderEntry(grainId, "check-in", DateTimeOffset.UnixEpoch, TimeSpan.FromMinutes(5)));
        await server.StopAsync();

        var failure = await Assert.ThrowsAsync<GrainStorageException>(() => table.ReadAllAsync().WaitAsync(FailureDeadline));
        Assert.Contains("unreachable", failure.Message, StringComparison.Ordinal);

        await server.StartAsync();
        await Eventually.SucceedsAsync<GrainStorageException>(() => table.ReadAllAsync(), RecoveryDeadline);
        Assert.True(await table.RemoveRowAsync(grainId, "check-in", eTag));
    }

    [Fact]
    public async Task Health_probe_fails_while_Redis_is_down_and_passes_once_it_is_back()
    {
        await server.StartAsync();
        await connection.PingAsync(CancellationToken.None);
        await server.StopAsync();

        await Assert.ThrowsAsync<GrainStorageException>(() => connection.PingAsync(CancellationToken.None).WaitAsync(FailureDeadline));

        await server.StartAsync();
        await Eventually.SucceedsAsync<GrainStorageException>(() => connection.PingAsync(CancellationToken.None), RecoveryDeadline);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        connection.Dispose();
        await server.DisposeAsync();
    }

    private Task<GrainState<ProfileState>> WriteAsync(string name) => storage.WriteNewProfileAsync(grainId, name);

    private Task<GrainState<ProfileState>> ReadAsync() => storage.ReadProfileAsync(grainId);
}
