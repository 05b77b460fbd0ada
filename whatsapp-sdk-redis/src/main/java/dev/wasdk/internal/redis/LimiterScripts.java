package dev.wasdk.internal.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Lua scripts of the Redis limiter store. Each runs atomically on the server and touches one
 * key, so a call costs one round trip and works on a cluster shard as well.
 *
 * <p>Redis's Lua numbers are doubles: every time is in microseconds since the epoch and every token
 * count in units of {@code 1 / refillPeriodMicros}, all integers below 2<sup>53</sup>, where
 * doubles are exact. {@code idiv} divides exactly; {@code fmt} writes integers without exponent.
 * The arithmetic mirrors {@code InMemoryLimiterStore}, and the shared contract suite holds both to
 * the same results.
 */
public final class LimiterScripts {
  private static final String COMMON =
      """
      local function fmt(x) return string.format('%.0f', x) end
      local function idiv(a, b)
        local q = math.floor(a / b)
        if q * b > a then q = q - 1 elseif (q + 1) * b <= a then q = q + 1 end
        return q
      end
      local function ceildiv(a, b)
        local q = idiv(a, b)
        if q * b < a then q = q + 1 end
        return q
      end
      """;

  /**
   * Takes tokens from a bucket kept in a hash: u (units), t (last change, µs), c, r, p (the spec it
   * was last used with). KEYS[1] the bucket; ARGV now µs, tokens, capacity, refillTokens, period
   * µs, extra time to live in ms. Returns {taken, remaining whole tokens, wait µs}.
   */
  public static final Script TAKE =
      new Script(
          COMMON
              + """
              local function rescale(u, from, to)
                local whole = idiv(u, from)
                local rest = u - whole * from
                local b = rest * to
                if b < 9007199254740992 then return whole * to + idiv(b, from) end
                -- beyond exact doubles (periods over ~95 s both): round down a little more
                return whole * to + math.max(0, math.floor(rest * (to / from)) - 2)
              end
              local key = KEYS[1]
              local now = tonumber(ARGV[1])
              local n = tonumber(ARGV[2])
              local cap = tonumber(ARGV[3])
              local r = tonumber(ARGV[4])
              local p = tonumber(ARGV[5])
              local margin = tonumber(ARGV[6])
              local capUnits = cap * p
              local need = n * p
              local units, last
              local changed = true
              local s = redis.call('HMGET', key, 'u', 't', 'c', 'r', 'p')
              if not s[1] then
                units = capUnits
                last = now
              else
                local u = tonumber(s[1])
                local last0 = tonumber(s[2])
                local oc, orf, op = tonumber(s[3]), tonumber(s[4]), tonumber(s[5])
                local ocap = oc * op
                last = math.max(last0, now)
                if last > last0 then
                  local space = ocap - u
                  if space <= 0 or last - last0 >= ceildiv(space, orf) then
                    u = ocap
                  else
                    u = u + (last - last0) * orf
                  end
                end
                if u >= ocap then
                  units = capUnits
                elseif op ~= p then
                  units = math.min(rescale(u, op, p), capUnits)
                else
                  units = math.min(u, capUnits)
                end
                changed = oc ~= cap or orf ~= r or op ~= p
              end
              local taken = 0
              local wait = 0
              if units >= need then
                units = units - need
                taken = 1
              else
                wait = (last - now) + ceildiv(need - units, r)
              end
              if taken == 1 or changed then
                redis.call('HSET', key, 'u', fmt(units), 't', fmt(last), 'c', fmt(cap),
                    'r', fmt(r), 'p', fmt(p))
                local toFullMs = ceildiv(ceildiv(capUnits - units, r), 1000)
                redis.call('PEXPIRE', key, fmt(toFullMs + margin))
              end
              return {taken, idiv(units, p), wait}
              """);

  /**
   * Gives tokens back to a bucket that exists: refills it to {@code now} as {@link #TAKE} does,
   * adds the tokens, never past the capacity, and stores the spec given. KEYS[1] the bucket; ARGV
   * now µs, tokens, capacity, refillTokens, period µs, extra time to live in ms. Returns 1 when
   * tokens were given back, 0 when the bucket does not exist (it is full, or expired, which is the
   * same).
   */
  public static final Script REFUND =
      new Script(
          COMMON
              + """
              local function rescale(u, from, to)
                local whole = idiv(u, from)
                local rest = u - whole * from
                local b = rest * to
                if b < 9007199254740992 then return whole * to + idiv(b, from) end
                -- beyond exact doubles (periods over ~95 s both): round down a little more
                return whole * to + math.max(0, math.floor(rest * (to / from)) - 2)
              end
              local key = KEYS[1]
              local now = tonumber(ARGV[1])
              local n = tonumber(ARGV[2])
              local cap = tonumber(ARGV[3])
              local r = tonumber(ARGV[4])
              local p = tonumber(ARGV[5])
              local margin = tonumber(ARGV[6])
              local capUnits = cap * p
              local s = redis.call('HMGET', key, 'u', 't', 'c', 'r', 'p')
              if not s[1] then return 0 end
              local u = tonumber(s[1])
              local last0 = tonumber(s[2])
              local oc, orf, op = tonumber(s[3]), tonumber(s[4]), tonumber(s[5])
              local ocap = oc * op
              local last = math.max(last0, now)
              if last > last0 then
                local space = ocap - u
                if space <= 0 or last - last0 >= ceildiv(space, orf) then
                  u = ocap
                else
                  u = u + (last - last0) * orf
                end
              end
              local units
              if u >= ocap then
                units = capUnits
              elseif op ~= p then
                units = math.min(rescale(u, op, p), capUnits)
              else
                units = math.min(u, capUnits)
              end
              units = math.min(capUnits, units + n * p)
              redis.call('HSET', key, 'u', fmt(units), 't', fmt(last), 'c', fmt(cap),
                  'r', fmt(r), 'p', fmt(p))
              local toFullMs = ceildiv(ceildiv(capUnits - units, r), 1000)
              redis.call('PEXPIRE', key, fmt(toFullMs + margin))
              return 1
              """);

  /**
   * Admits a member into a window kept in a sorted set scored by admission time (µs). KEYS[1] the
   * window; ARGV member, limit, window µs, now µs, time to live in ms. Returns {admitted,
   * alreadyCounted, size, wait µs}.
   */
  public static final Script ADMIT =
      new Script(
          COMMON
              + """
              local key = KEYS[1]
              local member = ARGV[1]
              local limit = tonumber(ARGV[2])
              local w = tonumber(ARGV[3])
              local now = tonumber(ARGV[4])
              local ttl = ARGV[5]
              redis.call('ZREMRANGEBYSCORE', key, '-inf', fmt(now - w))
              local at = redis.call('ZSCORE', key, member)
              if at then
                if now > tonumber(at) then
                  redis.call('ZADD', key, fmt(now), member)
                  redis.call('PEXPIRE', key, ttl)
                end
                return {1, 1, redis.call('ZCARD', key), 0}
              end
              local size = redis.call('ZCARD', key)
              if size < limit then
                redis.call('ZADD', key, fmt(now), member)
                redis.call('PEXPIRE', key, ttl)
                return {1, 0, size + 1, 0}
              end
              local oldest = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
              return {0, 0, size, tonumber(oldest[2]) + w - now}
              """);

  /**
   * Removes a member if it was admitted at the given time. KEYS[1] the window; ARGV member,
   * admitted µs. Returns 1 when removed.
   */
  public static final Script RELEASE =
      new Script(
          """
          local at = redis.call('ZSCORE', KEYS[1], ARGV[1])
          if at and tonumber(at) == tonumber(ARGV[2]) then
            redis.call('ZREM', KEYS[1], ARGV[1])
            return 1
          end
          return 0
          """);

  /**
   * Erases a user: deletes the buckets and, in each window, replaces the member by an anonymous one
   * with the same admission time. KEYS the buckets then the windows; ARGV the number of buckets,
   * the member, the anonymous member. Returns how many keys changed.
   */
  public static final Script ERASE_USER =
      new Script(
          """
          local buckets = tonumber(ARGV[1])
          local changed = 0
          for i = 1, #KEYS do
            if i <= buckets then
              changed = changed + redis.call('DEL', KEYS[i])
            else
              local at = redis.call('ZSCORE', KEYS[i], ARGV[2])
              if at then
                redis.call('ZREM', KEYS[i], ARGV[2])
                redis.call('ZADD', KEYS[i], at, ARGV[3] .. i)
                changed = changed + 1
              end
            end
          end
          return changed
          """);

  /**
   * Counts the members admitted after {@code now - window}. KEYS[1] the window; ARGV window µs, now
   * µs. Returns the count.
   */
  public static final Script SIZE =
      new Script(
          COMMON
              + """
              local cutoff = tonumber(ARGV[2]) - tonumber(ARGV[1])
              return redis.call('ZCOUNT', KEYS[1], '(' .. fmt(cutoff), '+inf')
              """);

  private LimiterScripts() {}

  /**
   * A script and its SHA-1 digest, for {@code EVALSHA}.
   *
   * @param body the Lua source
   * @param sha the lowercase hex SHA-1 of the source
   */
  public record Script(String body, String sha) {
    Script(String body) {
      this(body, sha1(body));
    }
  }

  private static String sha1(String body) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(md.digest(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
    }
  }
}
