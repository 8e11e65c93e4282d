using PeerLink.Silo.Runtime;
using PeerLink.Silo.Tests.Grains;

namespace PeerLink.Silo.Tests.Runtime;

public sealed class GrainReferenceTests
{
    [Fact]
    public async Task GetGrain_returns_a_reference_not_the_grain_and_activates_nothing()
    {
        await using var silo = await SiloFactory.StartAsync();

        var counter = silo.GetGrain<ICounterGrain>("a");

        Assert.IsAssignableFrom<GrainReference>(counter);
        Assert.IsNotType<CounterGrain>(counter);
        Assert.Equal(0, silo.Management.ActivationCount);
        Assert.Equal(new GrainId("counter", "a"), counter.GetGrainId());
    }

    [Fact]
    public async Task Calls_through_the_reference_reach_the_same_activation()
    {
        await using var silo = await SiloFactory.StartAsync();

        await silo.GetGrain<ICounterGrain>("a").Add(2);
        var total = await silo.GetGrain<ICounterGrain>("a").Add(3);

        Assert.Equal(5, total);
        Assert.Equal(5, await silo.GetGrain<ICounterGrain>("a").GetValue());
        Assert.Equal(1, silo.Management.ActivationCount);
    }

    [Fact]
    public async Task References_to_different_grains_and_in_different_silos_each_reach_their_own()
    {
        // Every reference is a copy of one proxy per interface, shared by all silos in the process.
        await using var first = await SiloFactory.StartAsync();
        await using var second = await SiloFactory.StartAsync();

        var a = first.GetGrain<ICounterGrain>("a");
        var b = first.GetGrain<ICounterGrain>("b");
        var otherA = second.GetGrain<ICounterGrain>("a");
        await a.Add(1);
        await b.Add(20);
        await otherA.Add(300);

        Assert.NotSame(a, first.GetGrain<ICounterGrain>("a"));
        Assert.Equal(a, first.GetGrain<ICounterGrain>("a"));
        Assert.NotEqual(a, b);
        Assert.Equal(new GrainId("counter", "b"), b.GetGrainId());
        Assert.Equal(1, await first.GetGrain<ICounterGrain>("a").GetValue());
        Assert.Equal(20, await b.GetValue());
        Assert.Equal(300, await otherA.GetValue());
        Assert.Equal(2, first.Management.ActivationCount);
        Assert.Equal(1, second.Management.ActivationCount);
    }

    [Fact]
    public async Task An_exception_thrown_in_a_grain_reaches_the_caller_unchanged()
    {
        await using var silo = await SiloFactory.StartAsync();

        var error = await Assert.ThrowsAsync<GrainFaultException>(() => silo.GetGrain<IFaultyGrain>("f").Throw("it broke"));

        Assert.Equal("it broke", error.Message);
        Assert.Equal("pong", await silo.GetGrain<IFaultyGrain>("f").Ping());
    }

    [Theory]
    [InlineData("")]
    [InlineData("line\nbreak")]
    [InlineData("tab\there")]
    public async Task An_invalid_key_is_rejected_with_the_reason(string key)
    {
        await using var silo = await SiloFactory.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => silo.GetGrain<ICounterGrain>(key));

        Assert.Contains(key.Length == 0 ? "empty" : "control characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_over_256_characters_is_rejected_with_its_length()
    {
        await using var silo = await SiloFactory.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => silo.GetGrain<ICounterGrain>(new string('k', 257)));

        Assert.Contains("257", error.Message, StringComparison.Ordinal);
        silo.GetGrain<ICounterGrain>(new string('k', 256));
    }

    [Fact]
    public async Task A_grain_interface_with_no_implementation_is_rejected()
    {
        await using var silo = await SiloFactory.StartAsync();

        var error = Assert.Throws<ArgumentException>(() => silo.GetGrain<IUnimplementedGrain>("x"));

        Assert.Contains(nameof(IUnimplementedGrain), error.Message, StringComparison.Ordinal);
    }

    public interface IUnimplementedGrain : IGrainWithStringKey
    {
        Task Nothing();
    }
}
