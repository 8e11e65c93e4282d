using PeerLink.Grains.People;

namespace PeerLink.Grains.Tests;

public sealed class BlockTests
{
    [Fact]
    public async Task Blocking_someone_who_does_not_exist_is_refused_and_keeps_nothing()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.Person("s").Register("Seeker s", Role.Seeker);

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.Person("s").Block("made-up"));

        Assert.Equal("person-unknown", refused.Code);
        Assert.Empty(await app.Person("s").GetBlocked());
        Assert.Empty((await app.Person("s").Export()).Blocked);
    }

    [Fact]
    public async Task A_person_blocks_at_most_two_hundred_people_and_blocking_one_of_them_again_still_works()
    {
        await using var app = await PeerLinkSilo.StartAsync();
        await app.Person("s").Register("Seeker s", Role.Seeker);
        for (var i = 0; i <= PersonGrain.MaxBlocked; i++)
        {
            await app.Person($"other{i}").Register($"Other {i}", Role.Seeker);
        }

        for (var i = 0; i < PersonGrain.MaxBlocked; i++)
        {
            await app.Person("s").Block($"other{i}");
        }

        var refused = await Assert.ThrowsAsync<RuleViolationException>(() => app.Person("s").Block($"other{PersonGrain.MaxBlocked}"));
        await app.Person("s").Block("other0");

        Assert.Equal("blocks-too-many", refused.Code);
        Assert.Equal(PersonGrain.MaxBlocked, (await app.Person("s").GetBlocked()).Count);
    }
}
