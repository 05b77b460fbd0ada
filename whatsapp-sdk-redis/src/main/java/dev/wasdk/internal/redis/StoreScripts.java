package dev.wasdk.internal.redis;

import dev.wasdk.internal.redis.LimiterScripts.Script;

/**
 * The Lua scripts of the Redis consent, service-window and recipient-id stores. Each runs
 * atomically on the server in one round trip.
 *
 * <p>Times are kept as two integers, epoch seconds ({@code s}) and nanoseconds ({@code n}), both
 * exact in Lua's doubles, so an {@code Instant} comes back to the nanosecond and comparisons are
 * exact.
 */
public final class StoreScripts {

  /**
   * Reads a user's consent history and inbound time together. KEYS[1] the consent list, KEYS[2] the
   * window hash. Returns {history lines, {seconds, nanos}}; the pair holds nils when no time is
   * kept.
   */
  public static final Script CONSENT_AND_WINDOW_READ =
      new Script(
          """
          local h = redis.call('LRANGE', KEYS[1], 0, -1)
          local w = redis.call('HMGET', KEYS[2], 's', 'n')
          return {h, w}
          """);

  /**
   * Records an inbound time unless a later or equal one is kept. KEYS[1] the window hash; ARGV
   * seconds, nanos, time to live in ms. Returns 1 when written.
   */
  public static final Script WINDOW_RECORD =
      new Script(
          """
          local cur = redis.call('HMGET', KEYS[1], 's', 'n')
          local s, n = tonumber(ARGV[1]), tonumber(ARGV[2])
          if cur[1] then
            local cs, cn = tonumber(cur[1]), tonumber(cur[2])
            if cs > s or (cs == s and cn >= n) then return 0 end
          end
          redis.call('HSET', KEYS[1], 's', ARGV[1], 'n', ARGV[2])
          redis.call('PEXPIRE', KEYS[1], ARGV[3])
          return 1
          """);

  /**
   * Removes the inbound time when it is not later than the one given. KEYS[1] the window hash; ARGV
   * seconds, nanos. Returns 1 when removed.
   */
  public static final Script WINDOW_CLOSE =
      new Script(
          """
          local cur = redis.call('HMGET', KEYS[1], 's', 'n')
          if not cur[1] then return 0 end
          local cs, cn = tonumber(cur[1]), tonumber(cur[2])
          local s, n = tonumber(ARGV[1]), tonumber(ARGV[2])
          if cs < s or (cs == s and cn <= n) then
            redis.call('DEL', KEYS[1])
            return 1
          end
          return 0
          """);

  /**
   * Maps a dialled form to its canonical id, keeping the reverse sets right. KEYS[1] the forward
   * key of the dialled form, KEYS[2] the reverse set of the canonical id; ARGV dialled, canonical,
   * the reverse-set prefix. Returns 1.
   */
  public static final Script ID_PUT =
      new Script(
          """
          local old = redis.call('GET', KEYS[1])
          if old and old ~= ARGV[2] then
            redis.call('SREM', ARGV[3] .. old, ARGV[1])
          end
          redis.call('SET', KEYS[1], ARGV[2])
          redis.call('SADD', KEYS[2], ARGV[1])
          return 1
          """);

  /**
   * Removes every mapping to a canonical id, and the one from it. KEYS[1] its reverse set, KEYS[2]
   * its own forward key; ARGV canonical, the forward prefix, the reverse-set prefix. Returns 1 when
   * anything was removed.
   */
  public static final Script ID_ERASE =
      new Script(
          """
          local removed = 0
          for _, d in ipairs(redis.call('SMEMBERS', KEYS[1])) do
            local fk = ARGV[2] .. d
            if redis.call('GET', fk) == ARGV[1] then
              redis.call('DEL', fk)
              removed = 1
            end
          end
          redis.call('DEL', KEYS[1])
          local own = redis.call('GET', KEYS[2])
          if own then
            redis.call('DEL', KEYS[2])
            redis.call('SREM', ARGV[3] .. own, ARGV[1])
            removed = 1
          end
          return removed
          """);

  private StoreScripts() {}
}
