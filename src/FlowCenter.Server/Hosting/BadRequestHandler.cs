using Microsoft.AspNetCore.Diagnostics;

namespace FlowCenter.Server.Hosting;

/// <summary>
/// A request the framework could not bind (a required query parameter missing, a number that is not one, a
/// body that is not JSON) answers its own status, 400 or 413, with the framework's sentence naming the
/// parameter, instead of a 500: in Development, minimal APIs throw these rather than answer them.
/// </summary>
public sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = bad.StatusCode, Title = "The request cannot be read.", Detail = bad.Message },
        });
    }
}
