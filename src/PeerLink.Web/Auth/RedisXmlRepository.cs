using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using PeerLink.Silo.Storage.Redis;
using StackExchange.Redis;

namespace PeerLink.Web.Auth;

/// <summary>
/// Keeps ASP.NET Core's data-protection keys in Redis when grains are stored there. Tokens and cookies are
/// sealed with these keys, so with them on a local disk a restart on another machine, or a second node,
/// would sign everyone out; with them in Redis a sign-in lasts as long as the data it protects.
/// </summary>
internal sealed class RedisXmlRepository(RedisConnection redis, string serviceId) : IXmlRepository
{
    private readonly RedisKey key = $"{serviceId}/dataprotection/keys";

    // The framework calls these synchronously, and rarely: at start and when the key ring is refreshed.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. Database().ListRange(key).Select(value => XElement.Parse((string)value!))];

    public void StoreElement(XElement element, string friendlyName) =>
        Database().ListRightPush(key, element.ToString(SaveOptions.DisableFormatting));

    private IDatabase Database() => redis.GetDatabaseAsync().GetAwaiter().GetResult();
}
