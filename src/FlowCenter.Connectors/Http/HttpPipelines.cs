using System.Collections.Concurrent;
using System.Net;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace FlowCenter.Connectors.Http;

/// <summary>
/// The resilience of HTTP calls (Polly): retries with exponential backoff on 5xx, 408, timeouts and network
/// errors (the node's settings), a timeout per attempt, and around each attempt a circuit breaker per host shared
/// by every call to it, so that a system that is down is not hammered by every waiting instance.
/// </summary>
public sealed class HttpPipelines
{
    private static readonly PredicateBuilder<HttpResponseMessage> Transient = new PredicateBuilder<HttpResponseMessage>()
        .Handle<HttpRequestException>()
        .Handle<TimeoutRejectedException>()
        .HandleResult(r => (int)r.StatusCode >= 500 || r.StatusCode == HttpStatusCode.RequestTimeout);

    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _breakers = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(int Retries, TimeSpan Delay, TimeSpan Timeout), (ResiliencePipeline<HttpResponseMessage> Retry, ResiliencePipeline Timeout)> _settings = new();

    public async ValueTask<HttpResponseMessage> ExecuteAsync(Uri uri, int retries, TimeSpan delay, TimeSpan timeout, Func<CancellationToken, Task<HttpResponseMessage>> send)
    {
        var (retry, perAttempt) = _settings.GetOrAdd((retries, delay, timeout), key => (
            key.Retries == 0
                ? ResiliencePipeline<HttpResponseMessage>.Empty
                : new ResiliencePipelineBuilder<HttpResponseMessage>().AddRetry(new RetryStrategyOptions<HttpResponseMessage>
                {
                    ShouldHandle = Transient,
                    MaxRetryAttempts = key.Retries,
                    Delay = key.Delay,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                }).Build(),
            new ResiliencePipelineBuilder().AddTimeout(key.Timeout).Build()));
        var breaker = _breakers.GetOrAdd(uri.Authority, _ => new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                ShouldHandle = Transient,
                FailureRatio = 0.8,
                MinimumThroughput = 20,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromSeconds(15),
            })
            .Build());
        return await retry.ExecuteAsync(
            async token => await breaker.ExecuteAsync(
                async inner => await perAttempt.ExecuteAsync(async attempt => await send(attempt), inner),
                token),
            CancellationToken.None);
    }
}
