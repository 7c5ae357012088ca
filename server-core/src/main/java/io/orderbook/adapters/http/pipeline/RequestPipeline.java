package io.orderbook.adapters.http.pipeline;

import io.javalin.http.Context;
import io.javalin.security.RouteRole;
import io.orderbook.adapters.http.RequestState;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.ErrorCode;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The checks a request to a known route passes before its handler runs:
 * authentication (with expiry and revocation) -> scope and role -> rate limit. The request log follows
 * when the response is written, for every request.
 *
 * <p>Refused requests count against the rate limit too: a failed authentication against the client
 * address, a forbidden request against its caller. So every answer of a known route carries the
 * {@code X-RateLimit-*} headers, and guessing credentials is throttled. When over the limit the answer
 * is 429 even if the request would also have been refused, which tells an attacker nothing more.
 *
 * <p>A stage that is not configured is skipped honestly: without an authenticator every caller is
 * anonymous (so only {@link Access#PUBLIC} routes answer), without a rate limiter nothing is limited.
 */
public final class RequestPipeline {

    static final String LIMIT_HEADER = "X-RateLimit-Limit";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";
    static final String RESET_HEADER = "X-RateLimit-Reset";

    private final Optional<RequestAuthenticator> authenticator;
    private final Optional<RateLimiter> rateLimiter;
    private final RateLimitPolicy rateLimitPolicy;

    /**
     * A pipeline with the given stages.
     *
     * @param authenticator   checks credentials; empty makes every caller anonymous
     * @param rateLimiter     counts requests; empty limits nothing
     * @param rateLimitPolicy the limits of users and anonymous callers (API keys carry their own)
     */
    public RequestPipeline(Optional<RequestAuthenticator> authenticator, Optional<RateLimiter> rateLimiter, RateLimitPolicy rateLimitPolicy) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
        this.rateLimitPolicy = Objects.requireNonNull(rateLimitPolicy, "rateLimitPolicy");
    }

    /**
     * Runs as Javalin's before-matched handler: returns to let the handler run, or throws the problem to answer with.
     *
     * @param ctx the request, whose route roles name the {@link Access} it needs
     * @throws io.orderbook.adapters.http.problem.ApiProblem 401, 403 or 429 when the request is refused
     */
    public void admit(Context ctx) {
        Access access = accessOf(ctx.routeRoles());
        String clientIp = ctx.ip();
        Caller caller = Caller.ANONYMOUS;
        ApiProblem refusal = null;
        try {
            caller = authenticate(ctx, clientIp);
            AccessPolicy.authorize(caller, access);
        } catch (ApiProblem problem) {
            refusal = problem;
        }
        if (rateLimiter.isPresent()) limit(ctx, rateLimiter.get(), caller, clientIp);
        if (refusal != null) throw refusal;
    }

    private Caller authenticate(Context ctx, String clientIp) {
        if (authenticator.isEmpty()) return Caller.ANONYMOUS;
        PresentedCredentials credentials = PresentedCredentials.fromHeaders(
                ctx.header(PresentedCredentials.AUTHORIZATION_HEADER), ctx.header(PresentedCredentials.API_KEY_HEADER));
        if (credentials instanceof PresentedCredentials.None) return Caller.ANONYMOUS;
        return switch (authenticator.get().authenticate(credentials, clientIp)) {
            case AuthenticationResult.Authenticated authenticated -> {
                RequestState.authenticated(ctx, authenticated.caller());
                yield authenticated.caller();
            }
            case AuthenticationResult.Refused refused -> {
                RequestState.identifiedButRefused(ctx, refused.identified());
                throw refused.problem();
            }
        };
    }

    private void limit(Context ctx, RateLimiter limiter, Caller caller, String clientIp) {
        RateLimitPolicy.Bucket bucket = rateLimitPolicy.bucketFor(caller, clientIp);
        RateLimitDecision decision = limiter.acquire(bucket.name(), bucket.requestsPerMinute());
        long resetSeconds = ceilSeconds(decision);
        ctx.header(LIMIT_HEADER, Long.toString(decision.limit()));
        ctx.header(REMAINING_HEADER, Long.toString(decision.remaining()));
        ctx.header(RESET_HEADER, Long.toString(resetSeconds));
        if (!decision.allowed()) {
            throw ApiProblem.of(ErrorCode.RATE_LIMITED,
                            "Rate limit of " + decision.limit() + " requests per minute exceeded; retry in " + resetSeconds + " s.")
                    .withHeader("Retry-After", Long.toString(Math.max(1, resetSeconds)));
        }
    }

    private static long ceilSeconds(RateLimitDecision decision) {
        long millis = decision.resetAfter().toMillis();
        return (millis + 999) / 1000;
    }

    // HttpServer refuses to start with a route that lacks an Access role; should one slip through
    // anyway, it needs authentication rather than being open.
    private static Access accessOf(Set<RouteRole> roles) {
        for (RouteRole role : roles) {
            if (role instanceof Access access) return access;
        }
        return Access.READ;
    }
}
