package dev.wasdk.internal.redis;

import dev.wasdk.internal.redis.LimiterScripts.Script;

/**
 * The Lua scripts of the Redis de-duplication store. A key's value is {@code c|expiresAt|holder}
 * for a claim or {@code d|expiresAt|holder} for a done key, with {@code expiresAt} in milliseconds
 * since the epoch of the caller's clock; every write also sets a time to live (the lease or the
 * horizon plus a margin), so nothing outlives its use. Each script touches one key and runs
 * atomically.
 */
public final class DedupeScripts {
  private static final String PARSE =
      """
      local function parse(v)
        if not v then return nil end
        local s, e, h = string.match(v, '^(%a)|(%d+)|(.*)$')
        if not s then return nil end
        return s, tonumber(e), h
      end
      """;

  /**
   * KEYS[1] the key; ARGV holder, now ms, expiresAt ms, ttl ms. Returns 0 claimed, 1 in progress, 2
   * done.
   */
  public static final Script CLAIM =
      new Script(
          PARSE
              + """
              local s, e = parse(redis.call('GET', KEYS[1]))
              if s and e > tonumber(ARGV[2]) then
                if s == 'd' then return 2 end
                return 1
              end
              redis.call('SET', KEYS[1], 'c|' .. ARGV[3] .. '|' .. ARGV[1], 'PX', ARGV[4])
              return 0
              """);

  /** KEYS[1] the key; ARGV holder, expiresAt ms, ttl ms. Returns 1 renewed, 0 not held. */
  public static final Script RENEW =
      new Script(
          PARSE
              + """
              local s, e, h = parse(redis.call('GET', KEYS[1]))
              if s ~= 'c' or h ~= ARGV[1] then return 0 end
              if tonumber(ARGV[2]) > e then
                redis.call('SET', KEYS[1], 'c|' .. ARGV[2] .. '|' .. ARGV[1], 'PX', ARGV[3])
              end
              return 1
              """);

  /** KEYS[1] the key; ARGV holder. Deletes the key if the holder claims it; returns 1 if so. */
  public static final Script RELEASE =
      new Script(
          PARSE
              + """
              local s, e, h = parse(redis.call('GET', KEYS[1]))
              if s == 'c' and h == ARGV[1] then
                redis.call('DEL', KEYS[1])
                return 1
              end
              return 0
              """);

  private DedupeScripts() {}
}
