package dev.wasdk.error;

/**
 * Thrown when a rate limit was hit: throughput (130429), pair rate (131056), spam (131048), a
 * management API limit (4, 80007, 133016) or another limit. {@link #kind()} tells which.
 *
 * <p>Meta did not accept the request. wasdk retries a throughput or management limit on its own
 * within its retry policy; a pair-rate limit is left to the caller (or the pacing sender), which
 * should back off for that one recipient only, and a spam limit calls for sending less.
 */
public final class RateLimitException extends ApiException {
  private static final long serialVersionUID = 1L;

  private final RateLimitKind kind;

  RateLimitException(ApiError error, ResponseFacts facts) {
    super(error, ErrorCategory.RATE_LIMIT, facts);
    this.kind = facts.errorCode.rateLimitKind().orElse(RateLimitKind.OTHER);
  }

  /** Returns which limit was hit; {@link RateLimitKind#OTHER} for a code not in the catalog. */
  public RateLimitKind kind() {
    return kind;
  }
}
