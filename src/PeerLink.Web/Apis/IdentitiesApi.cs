using Microsoft.AspNetCore.Http.HttpResults;
using PeerLink.Grains.Identities;
using Orleans;

namespace PeerLink.Web.Apis;

internal static class IdentitiesApi
{
    public static RouteGroupBuilder MapIdentitiesApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/identities").WithTags("Identities").RequireAuthorization();
        api.MapGet("/", GetAsync);
        return api;
    }

    private static async Task<Ok<IReadOnlyList<Identity>>> GetAsync(IGrainFactory grains) =>
        TypedResults.Ok((await grains.GetGrain<IIdentityCatalogGrain>(IdentityCatalogGrain.Key).GetCatalog()).Identities);
}
