using Microsoft.AspNetCore.Http.Features;

namespace FlowCenter.Server.Api;

/// <summary>
/// Request bodies read with their limit enforced while reading (a chunked body has no length to check first):
/// the server's own limit is lowered to <c>max</c> before the first byte, and reading stops at <c>max + 1</c>.
/// </summary>
public static class RequestBodies
{
    /// <summary>The largest body of an API call (definitions, decisions, events); webhooks take less.</summary>
    public const long MaxApiBytes = 4 * 1024 * 1024;

    /// <summary>The body's bytes, or null when it is larger than <paramref name="max"/>.</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long max, CancellationToken cancellationToken)
    {
        if (request.ContentLength > max)
        {
            return null;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = max;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > max)
                {
                    return null;
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        return buffer.ToArray();
    }

    /// <summary>The 413 answer, naming the limit.</summary>
    public static IResult TooLarge(long max) =>
        Results.Json(new ApiError($"The body is larger than {max / 1024} KiB, the most this endpoint takes."), statusCode: StatusCodes.Status413PayloadTooLarge);
}
