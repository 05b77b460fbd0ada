package dev.wasdk.internal.redis;

import dev.wasdk.internal.redis.LimiterScripts.Script;

/**
 * The Lua scripts of the Redis conversation store. Each runs atomically on the server in one round
 * trip. Times are epoch milliseconds by the caller's clock; the server's own expiry only cleans up,
 * later.
 */
public final class ConversationScripts {

  /**
   * Saves a state if the live version matches. KEYS[1] the state hash, KEYS[2] the deadline set;
   * ARGV expected version, now, expires at, state text, deadline or empty, the conversation key,
   * the time to live in ms for cleanup. Returns 1 when saved.
   */
  public static final Script PUT =
      new Script(
          """
          local cur = redis.call('HMGET', KEYS[1], 'v', 'e')
          local ver = 0
          if cur[1] and cur[2] and tonumber(cur[2]) > tonumber(ARGV[2]) then
            ver = tonumber(cur[1])
          end
          if ver ~= tonumber(ARGV[1]) then return 0 end
          redis.call('HSET', KEYS[1], 'v', ver + 1, 's', ARGV[4], 'e', ARGV[3])
          if ARGV[5] ~= '' then
            redis.call('HSET', KEYS[1], 'd', ARGV[5])
            redis.call('ZADD', KEYS[2], ARGV[5], ARGV[6])
          else
            redis.call('HDEL', KEYS[1], 'd')
            redis.call('ZREM', KEYS[2], ARGV[6])
          end
          redis.call('PEXPIRE', KEYS[1], ARGV[7])
          return 1
          """);

  /**
   * Removes a state and its deadline. KEYS[1] the state hash, KEYS[2] the deadline set; ARGV key.
   */
  public static final Script DELETE =
      new Script(
          """
          redis.call('DEL', KEYS[1])
          redis.call('ZREM', KEYS[2], ARGV[1])
          return 1
          """);

  /**
   * Lists live conversations whose deadline is due, earliest first, dropping entries whose state is
   * gone or expired. KEYS[1] the deadline set; ARGV due cutoff, limit, state-key prefix, now.
   */
  public static final Script DUE =
      new Script(
          """
          local out = {}
          local limit = tonumber(ARGV[2])
          local now = tonumber(ARGV[4])
          local offset = 0
          while #out < limit do
            local batch = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1],
                                     'LIMIT', offset, limit)
            if #batch == 0 then break end
            for _, m in ipairs(batch) do
              local h = redis.call('HMGET', ARGV[3] .. m, 'e', 'd')
              if h[1] and h[2] and tonumber(h[1]) > now then
                if #out < limit then table.insert(out, m) end
                offset = offset + 1
              else
                redis.call('ZREM', KEYS[1], m)
              end
            end
          end
          return out
          """);

  /**
   * Takes or renews a lease. KEYS[1] the lease hash; ARGV holder, now, until, time to live in ms.
   * Returns 1 when the holder holds it.
   */
  public static final Script LEASE =
      new Script(
          """
          local cur = redis.call('HMGET', KEYS[1], 'h', 'u')
          if cur[1] and cur[1] ~= ARGV[1] and tonumber(cur[2]) > tonumber(ARGV[2]) then
            return 0
          end
          redis.call('HSET', KEYS[1], 'h', ARGV[1], 'u', ARGV[3])
          redis.call('PEXPIRE', KEYS[1], ARGV[4])
          return 1
          """);

  /** Gives up a lease held by the holder. KEYS[1] the lease hash; ARGV holder. */
  public static final Script RELEASE =
      new Script(
          """
          if redis.call('HGET', KEYS[1], 'h') == ARGV[1] then
            redis.call('DEL', KEYS[1])
            return 1
          end
          return 0
          """);

  private ConversationScripts() {}
}
