package dev.wasdk.internal.redis;

import dev.wasdk.internal.redis.LimiterScripts.Script;

/** The Lua scripts of the Redis Streams hand-off. */
public final class StreamScripts {
  /**
   * Adds a delivery's events to a stream at once, then trims it by length and age. KEYS[1] the
   * stream; ARGV max length, min id (entries older are trimmed; "0" for none), then per event its
   * field count n and n names and values. Returns the new entry ids.
   */
  public static final Script ADD_ALL =
      new Script(
          """
          local ids = {}
          local i = 3
          while i <= #ARGV do
            local n = tonumber(ARGV[i])
            local fields = {}
            for j = 1, n do fields[j] = ARGV[i + j] end
            ids[#ids + 1] = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[1], '*', unpack(fields))
            i = i + n + 1
          end
          if ARGV[2] ~= '0' then
            redis.call('XTRIM', KEYS[1], 'MINID', '~', ARGV[2])
          end
          return ids
          """);

  /**
   * Moves one pending entry to the dead-letter stream: adds it there with why and how often it was
   * tried, acknowledges it and deletes it from the stream, at once. KEYS[1] the stream, KEYS[2] the
   * dead-letter stream; ARGV group, id, max length of the dead-letter stream, reason, deliveries.
   * Returns the dead-letter id, or false if the entry is gone.
   */
  public static final Script BURY =
      new Script(
          """
          local entries = redis.call('XRANGE', KEYS[1], ARGV[2], ARGV[2])
          if #entries == 0 then
            redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
            return false
          end
          local fields = entries[1][2]
          fields[#fields + 1] = 'dead_reason'
          fields[#fields + 1] = ARGV[4]
          fields[#fields + 1] = 'dead_deliveries'
          fields[#fields + 1] = ARGV[5]
          fields[#fields + 1] = 'dead_source_id'
          fields[#fields + 1] = ARGV[2]
          local id = redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[3], '*', unpack(fields))
          redis.call('XACK', KEYS[1], ARGV[1], ARGV[2])
          redis.call('XDEL', KEYS[1], ARGV[2])
          return id
          """);

  /**
   * Puts a dead letter back on the stream and removes it from the dead-letter stream, at once.
   * KEYS[1] the stream, KEYS[2] the dead-letter stream; ARGV the dead letter's id, the stream's max
   * length. Returns the new entry id, or false if there is no such dead letter.
   */
  public static final Script REPLAY =
      new Script(
          """
          local entries = redis.call('XRANGE', KEYS[2], ARGV[1], ARGV[1])
          if #entries == 0 then return false end
          local src = entries[1][2]
          local fields = {}
          for i = 1, #src, 2 do
            local name = src[i]
            if name ~= 'dead_reason' and name ~= 'dead_deliveries' and name ~= 'dead_source_id' then
              fields[#fields + 1] = name
              fields[#fields + 1] = src[i + 1]
            end
          end
          local id = redis.call('XADD', KEYS[1], 'MAXLEN', '~', ARGV[2], '*', unpack(fields))
          redis.call('XDEL', KEYS[2], ARGV[1])
          return id
          """);

  private StreamScripts() {}
}
