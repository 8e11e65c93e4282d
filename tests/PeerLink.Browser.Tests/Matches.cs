namespace PeerLink.Browser.Tests;

/// <summary>The usual start of a conversation test: a veteran seeker matched with Alex (demo peer1), each on a page of their own.</summary>
public static class Matches
{
    public static async Task<(SeekerPage Seeker, PeerPage Peer)> VeteranWithAlexAsync(Journey journey, string pseudonym)
    {
        var peer = new PeerPage(await journey.OpenAsync("peer", "/peer.html"));
        await peer.SignInAndSetAvailableAsync("peer1");
        var seeker = new SeekerPage(await journey.OpenAsync("seeker"));
        await seeker.SignUpAsync(pseudonym);
        await seeker.RequestAsync("", "veteran");
        await peer.AnswerOfferAsync("Accept");
        await seeker.ExpectMatchedWithAsync("Alex");
        return (seeker, peer);
    }
}
