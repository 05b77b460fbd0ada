package dev.wasdk.client;

/** A provider of one token that keeps it out of {@code toString()}. */
final class FixedAccessToken implements AccessTokenProvider {
  private final String token;

  FixedAccessToken(String token) {
    this.token = token;
  }

  @Override
  public String accessToken() {
    return token;
  }

  @Override
  public String toString() {
    return "AccessTokenProvider[fixed, redacted]";
  }
}
