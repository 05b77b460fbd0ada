package dev.wasdk.sender;

import dev.wasdk.internal.text.Values;
import dev.wasdk.message.TemplateCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Records users' opt-ins and opt-outs in a {@link ConsentStore}, and decides who may receive
 * marketing templates.
 *
 * <p>The rule: a marketing template goes only to a user who opted in to {@link
 * TemplateCategory#MARKETING} after their latest opt-out, and whose marketing messages are not
 * capped. Opt-outs come from:
 *
 * <ul>
 *   <li>the user's in-app stop request (the {@code user_preferences} webhook, {@link
 *       #onMarketingPreference}); a later {@code resume} lifts it;
 *   <li>a send that failed with 131050 (the sender records it);
 *   <li>an inbound message that is one of the opt-out keywords, such as STOP ({@link
 *       #onInboundText});
 *   <li>the business's own unsubscribe flow ({@link #optOut} with {@link OptOutSource#BUSINESS}).
 * </ul>
 *
 * <p>A keyword or business opt-out is lifted only by a new opt-in. Utility and authentication
 * templates are not gated here: they answer something the user asked for.
 *
 * <p><b>A history, not a flag.</b> Every opt-in and opt-out is appended to the store as a {@link
 * ConsentRecord} with its source, its time and its evidence (the inbound message id, when there is
 * one); nothing is overwritten. {@link #history} and {@link #export} return it, {@link #erase}
 * removes it. With a shared store ({@code whatsapp-sdk-redis}, {@code whatsapp-sdk-jdbc}) an
 * opt-out recorded by one app instance holds on every other one and survives restarts.
 *
 * <p><b>Caching.</b> Each check reads the user's history from the store (one round trip). Only
 * opt-outs are cached in this JVM, for {@link Builder#optOutCacheTtl(Duration) 5 seconds} by
 * default: a user known to have opted out is refused with no round trip, and an opt-out recorded on
 * another instance is seen here at once (its history is read on the next check). An opt-in is never
 * cached, so it is never assumed. The marketing hold after a 131049 lives in this JVM only.
 *
 * <pre>{@code
 * ConsentRegistry consent = ConsentRegistry.builder()
 *     .optOutKeywords(Set.of("STOP", "BAJA"))
 *     .store(ConsentStore.inMemory())        // or a Redis or JDBC store
 *     .build();
 * consent.optIn("16505551234", TemplateCategory.MARKETING, "checkout-checkbox", Instant.now());
 * MessageSender sender = MessageSender.builder(wa).consent(consent).build();
 * }</pre>
 *
 * <p><b>Privacy.</b> The store holds pseudonyms of users (a keyed hash), never phone numbers.
 * <b>Thread-safety:</b> instances are thread-safe. Calls that read or write the store run on the
 * caller's thread and throw what the store throws.
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/getting-opt-in">Getting
 *     opt-in</a>
 */
public final class ConsentRegistry {
  /** The default opt-out keywords. */
  public static final Set<String> DEFAULT_OPT_OUT_KEYWORDS =
      Set.of("STOP", "UNSUBSCRIBE", "STOP ALL", "OPT OUT", "OPTOUT");

  /** The default time an opt-out is trusted from this JVM's cache. */
  public static final Duration DEFAULT_OPT_OUT_CACHE_TTL = Duration.ofSeconds(5);

  private final Set<String> keywords;
  private final ConsentStore store;
  private volatile RecipientIds ids;
  private final ConsentCache cache;

  private ConsentRegistry(Builder b) {
    this.keywords = b.keywords;
    this.store = b.store != null ? b.store : ConsentStore.inMemory();
    this.ids = new RecipientIds(RecipientIdStore.inMemory(), b.pseudonyms);
    this.cache = new ConsentCache(b.cacheTtl, b.clock);
  }

  /**
   * Returns a registry with the {@link #DEFAULT_OPT_OUT_KEYWORDS} over a new in-memory store.
   *
   * @return a new, empty registry
   */
  public static ConsentRegistry create() {
    return builder().build();
  }

  /**
   * Returns a builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Where an opt-out came from. */
  public enum OptOutSource {
    /** The user's stop request in WhatsApp ({@code user_preferences} webhook, value stop). */
    USER_PREFERENCES,
    /** A marketing send failed with 131050: the user stopped marketing messages. */
    FAILED_131050,
    /** The user sent one of the opt-out keywords. */
    KEYWORD,
    /** The business's own unsubscribe flow, such as a quick-reply button. */
    BUSINESS
  }

  /**
   * An opt-in.
   *
   * @param category what the user agreed to receive
   * @param source where it was collected, such as {@code web-signup}
   * @param at when
   */
  public record OptIn(TemplateCategory category, String source, Instant at) {
    /** Checks the arguments. */
    public OptIn {
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * An opt-out from marketing.
   *
   * @param source where it came from
   * @param at when
   */
  public record OptOut(OptOutSource source, Instant at) {
    /** Checks the arguments. */
    public OptOut {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * Everything the registry holds about one user.
   *
   * @param user the user's key
   * @param optIns the opt-ins, oldest first
   * @param optOuts the opt-outs in force, oldest first
   * @param marketingCappedUntil until when marketing is held back after a 131049, if it is
   */
  public record UserConsent(
      String user,
      List<OptIn> optIns,
      List<OptOut> optOuts,
      Optional<Instant> marketingCappedUntil) {
    /** Checks the arguments and copies the lists. */
    public UserConsent {
      Objects.requireNonNull(user, "user");
      optIns = List.copyOf(optIns);
      optOuts = List.copyOf(optOuts);
      Objects.requireNonNull(marketingCappedUntil, "marketingCappedUntil");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * Records an opt-in, with {@link ConsentSource#API} as its source. An opt-in to marketing later
   * than an opt-out lifts it.
   *
   * @param user the user's WhatsApp id, phone number or business-scoped user id
   * @param category what the user agreed to receive
   * @param source where it was collected, kept as the record's detail
   * @param at when
   */
  public void optIn(String user, TemplateCategory category, String source, Instant at) {
    Objects.requireNonNull(source, "source");
    record(user, ConsentRecord.optIn(category, ConsentSource.API, source, null, at));
  }

  /**
   * Records an opt-out from marketing.
   *
   * @param user the user
   * @param source where it came from
   * @param at when
   */
  public void optOut(String user, OptOutSource source, Instant at) {
    Objects.requireNonNull(source, "source");
    record(user, ConsentRecord.optOut(ConsentHistory.consentSource(source), "", null, at));
  }

  /**
   * Appends a record to the user's history, such as a double opt-in confirmed in the chat with the
   * inbound message id as evidence.
   *
   * @param user the user
   * @param record the record
   */
  public void record(String user, ConsentRecord record) {
    Objects.requireNonNull(record, "record");
    String key = key(user);
    cache.note(key, record);
    store.append(key, record);
  }

  /**
   * Records a {@code user_preferences} change: {@code stop} opts the user out of marketing; {@code
   * resume} lifts the opt-outs WhatsApp reported (stop requests and 131050 failures) recorded
   * before it. A resume does not opt the user in.
   *
   * @param user the user
   * @param stop true for {@code stop}, false for {@code resume}
   * @param at the event's time
   */
  public void onMarketingPreference(String user, boolean stop, Instant at) {
    record(user, ConsentHistory.preference(stop, at));
  }

  /**
   * Checks an inbound text against the opt-out keywords (whole message, any letter case, trimmed)
   * and records a {@link OptOutSource#KEYWORD} opt-out when it matches.
   *
   * @param user the user
   * @param text the message text
   * @param at the message's time
   * @return whether the text was an opt-out keyword
   */
  public boolean onInboundText(String user, String text, Instant at) {
    return onInboundText(user, text, at, null);
  }

  /**
   * Checks an inbound text against the opt-out keywords and records a keyword opt-out, with the
   * inbound message's id as its evidence, when it matches.
   *
   * @param user the user
   * @param text the message text
   * @param at the message's time
   * @param messageId the inbound message's id, or null
   * @return whether the text was an opt-out keyword
   */
  public boolean onInboundText(String user, String text, Instant at, String messageId) {
    Optional<ConsentRecord> r = keywordOptOut(text, at, messageId);
    r.ifPresent(rec -> record(user, rec));
    return r.isPresent();
  }

  /**
   * Holds back marketing to the user until {@code until}, as after a 131049 failure (Meta asks for
   * at least 24 hours). The hold lives in this JVM.
   *
   * @param user the user
   * @param until until when
   */
  public void capMarketing(String user, Instant until) {
    Objects.requireNonNull(until, "until");
    cache.cap(key(user), until);
  }

  /**
   * Decides whether a template of {@code category} may go to the user: empty when it may, else the
   * reason it may not. Reads the user's history from the store unless an opt-out is cached.
   *
   * @param user the user
   * @param category the template's category
   * @param requireOptIn whether marketing needs an opt-in
   * @param now the current time
   * @return the reason for refusing, or empty
   */
  public Optional<RejectReason> check(
      String user, TemplateCategory category, boolean requireOptIn, Instant now) {
    if (category != TemplateCategory.MARKETING) {
      return Optional.empty();
    }
    return checkKey(key(user), requireOptIn, now);
  }

  /** Checks marketing for the user whose store key is {@code key}. */
  Optional<RejectReason> checkKey(String key, boolean requireOptIn, Instant now) {
    return checkKey(key, requireOptIn, now, null);
  }

  /**
   * Checks marketing for the user whose store key is {@code key}, with the history already read
   * ({@code history}), or read from the store when it is null.
   */
  Optional<RejectReason> checkKey(
      String key, boolean requireOptIn, Instant now, List<ConsentRecord> history) {
    Instant seen = cache.optOutSeen(key);
    if (cache.fresh(seen)) {
      return Optional.of(RejectReason.OPTED_OUT);
    }
    ConsentHistory.State s =
        ConsentHistory.State.of(history != null ? history : store.history(key));
    if (!s.optOuts.isEmpty()) {
      cache.optedOut(key);
      return Optional.of(RejectReason.OPTED_OUT);
    }
    cache.clearOptOut(key, seen);
    if (cache.capped(key, now)) {
      return Optional.of(RejectReason.FREQUENCY_CAPPED);
    }
    if (requireOptIn && !s.optedIn) {
      return Optional.of(RejectReason.NO_CONSENT);
    }
    return Optional.empty();
  }

  /**
   * Returns whether a marketing template may go to the user now, with an opt-in required.
   *
   * @param user the user
   * @param now the current time
   * @return whether marketing may go
   */
  public boolean mayReceiveMarketing(String user, Instant now) {
    return check(user, TemplateCategory.MARKETING, true, now).isEmpty();
  }

  /**
   * Returns the user's consent history, oldest first: every opt-in and opt-out with its source,
   * time and evidence.
   *
   * @param user the user
   * @return the history; empty for a user never seen
   */
  public List<ConsentRecord> history(String user) {
    return store.history(key(user));
  }

  /**
   * Returns what the registry holds about a user: the opt-ins, the opt-outs in force and the
   * marketing hold. See {@link #history} for every record.
   *
   * @param user the user
   * @return the user's consent, or empty when nothing is recorded
   */
  public Optional<UserConsent> export(String user) {
    String key = key(user);
    return ConsentHistory.export(UserKeys.of(user), store.history(key), cache.cappedUntil(key));
  }

  /**
   * Removes everything recorded about a user, in the store and in this JVM.
   *
   * @param user the user
   * @return whether there was anything to remove
   */
  public boolean erase(String user) {
    return eraseKey(key(user));
  }

  boolean eraseKey(String key) {
    boolean local = cache.erase(key);
    return store.erase(key) | local;
  }

  /**
   * Returns how many users the store holds, when it is in memory.
   *
   * @return the number of users, or -1 for a store outside memory
   * @deprecated the history lives in the {@link ConsentStore}; count there
   */
  @Deprecated
  public int size() {
    return store instanceof InMemoryConsentStore m ? m.size() : -1;
  }

  /** Returns the store this registry records in. */
  ConsentStore store() {
    return store;
  }

  /** Returns the store key of a user: the pseudonym of their WhatsApp id. */
  String key(String user) {
    return ids.canonical(UserKeys.of(user), true);
  }

  /** Returns the store key of a user named by a webhook, without asking any store. */
  String keyLocal(String user) {
    return ids.canonical(UserKeys.of(user), false);
  }

  /** Makes the registry key users as the sender does, by the WhatsApp ids it learned. */
  void useRecipientIds(RecipientIds ids) {
    this.ids = ids;
    ids.onLearn(this::moveKey);
  }

  /** Moves what is recorded under a dialled form's key to the key of its learned WhatsApp id. */
  void moveKey(String from, String to) {
    ConsentHistory.move(store, from, to);
    cache.move(from, to);
  }

  /** Returns whether an opt-out of the user is cached, so that no read of the store is needed. */
  boolean optOutCached(String key) {
    return cache.optOutCached(key);
  }

  /** Notes a record in this JVM's cache at once: an opt-out is cached, anything else clears it. */
  void noteLocally(String key, ConsentRecord record) {
    cache.note(key, record);
  }

  /** Returns the keyword opt-out an inbound text makes, if it is one. */
  Optional<ConsentRecord> keywordOptOut(String text, Instant at, String messageId) {
    return ConsentHistory.keywordOptOut(keywords, text, at, messageId);
  }

  @Override
  public String toString() {
    return "ConsentRegistry[store=" + store + ", keywords=" + keywords.size() + "]";
  }

  /**
   * Builds a {@link ConsentRegistry}. Every option has a default, documented on its setter. Not
   * thread-safe.
   *
   * <pre>{@code
   * ConsentRegistry consent = ConsentRegistry.builder().store(stores.consent()).build();
   * }</pre>
   */
  public static final class Builder extends ConsentRegistryOptions<Builder> {
    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /**
     * Builds the registry.
     *
     * @return a new registry
     */
    public ConsentRegistry build() {
      return new ConsentRegistry(this);
    }
  }
}
