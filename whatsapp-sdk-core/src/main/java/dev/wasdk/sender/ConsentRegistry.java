package dev.wasdk.sender;

import dev.wasdk.internal.text.Values;
import dev.wasdk.message.TemplateCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Records users' opt-ins and opt-outs, and decides who may receive marketing templates.
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
 * <pre>{@code
 * ConsentRegistry consent = ConsentRegistry.builder().optOutKeywords(Set.of("STOP", "BAJA")).build();
 * consent.optIn("16505551234", TemplateCategory.MARKETING, "checkout-checkbox", Instant.now());
 * MessageSender sender = MessageSender.builder(wa).consent(consent).build();
 * }</pre>
 *
 * <p><b>Privacy.</b> {@link #export} returns everything recorded about a user, and {@link #erase}
 * removes it. <b>Thread-safety:</b> instances are thread-safe; each user's record is replaced
 * atomically. The records live in this JVM's memory: persist opt-ins in your own database and load
 * them at start ({@link #optIn}) to keep them across restarts.
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/getting-opt-in">Getting
 *     opt-in</a>
 */
public final class ConsentRegistry {
  /** The default opt-out keywords. */
  public static final Set<String> DEFAULT_OPT_OUT_KEYWORDS =
      Set.of("STOP", "UNSUBSCRIBE", "STOP ALL", "OPT OUT", "OPTOUT");

  private final Set<String> keywords;
  private final ConcurrentHashMap<String, UserConsent> users = new ConcurrentHashMap<>();

  private ConsentRegistry(Set<String> keywords) {
    this.keywords = keywords;
  }

  /**
   * Returns a registry with the {@link #DEFAULT_OPT_OUT_KEYWORDS}.
   *
   * @return a new, empty registry
   */
  public static ConsentRegistry create() {
    return new ConsentRegistry(DEFAULT_OPT_OUT_KEYWORDS);
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

    private UserConsent with(List<OptIn> in, List<OptOut> out, Optional<Instant> capped) {
      return new UserConsent(user, in, out, capped);
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * Records an opt-in. An opt-in to marketing later than an opt-out lifts it.
   *
   * @param user the user's WhatsApp id, phone number or business-scoped user id
   * @param category what the user agreed to receive
   * @param source where it was collected
   * @param at when
   */
  public void optIn(String user, TemplateCategory category, String source, Instant at) {
    OptIn in = new OptIn(category, source, at);
    update(
        user,
        c -> {
          List<OptIn> ins = new ArrayList<>(c.optIns());
          ins.add(in);
          List<OptOut> outs = c.optOuts();
          if (category == TemplateCategory.MARKETING) {
            outs = outs.stream().filter(o -> o.at().isAfter(at)).collect(Collectors.toList());
          }
          return c.with(ins, outs, c.marketingCappedUntil());
        });
  }

  /**
   * Records an opt-out from marketing.
   *
   * @param user the user
   * @param source where it came from
   * @param at when
   */
  public void optOut(String user, OptOutSource source, Instant at) {
    OptOut out = new OptOut(source, at);
    update(
        user,
        c -> {
          List<OptOut> outs = new ArrayList<>(c.optOuts());
          outs.add(out);
          return c.with(c.optIns(), outs, c.marketingCappedUntil());
        });
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
    Objects.requireNonNull(at, "at");
    if (stop) {
      optOut(user, OptOutSource.USER_PREFERENCES, at);
      return;
    }
    update(
        user,
        c ->
            c.with(
                c.optIns(),
                c.optOuts().stream()
                    .filter(
                        o ->
                            o.at().isAfter(at)
                                || (o.source() != OptOutSource.USER_PREFERENCES
                                    && o.source() != OptOutSource.FAILED_131050))
                    .collect(Collectors.toList()),
                c.marketingCappedUntil()));
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
    Objects.requireNonNull(text, "text");
    String t = text.trim().toUpperCase(Locale.ROOT);
    if (!keywords.contains(t)) {
      return false;
    }
    optOut(user, OptOutSource.KEYWORD, at);
    return true;
  }

  /**
   * Holds back marketing to the user until {@code until}, as after a 131049 failure (Meta asks for
   * at least 24 hours).
   *
   * @param user the user
   * @param until the end of the hold
   */
  public void capMarketing(String user, Instant until) {
    Objects.requireNonNull(until, "until");
    update(
        user,
        c -> {
          Instant u = c.marketingCappedUntil().filter(old -> old.isAfter(until)).orElse(until);
          return c.with(c.optIns(), c.optOuts(), Optional.of(u));
        });
  }

  /**
   * Returns why a template of {@code category} may not go to the user now, or empty when it may.
   * Only marketing is gated: {@link RejectReason#OPTED_OUT}, {@link RejectReason#FREQUENCY_CAPPED},
   * or, when {@code requireOptIn}, {@link RejectReason#NO_CONSENT}.
   *
   * @param user the user
   * @param category the template's category
   * @param requireOptIn whether marketing needs a recorded opt-in
   * @param now the current time
   * @return the reason it is refused, or empty
   */
  public Optional<RejectReason> check(
      String user, TemplateCategory category, boolean requireOptIn, Instant now) {
    if (category != TemplateCategory.MARKETING) {
      return Optional.empty();
    }
    UserConsent c = users.get(UserKeys.of(user));
    if (c == null) {
      return requireOptIn ? Optional.of(RejectReason.NO_CONSENT) : Optional.empty();
    }
    if (!c.optOuts().isEmpty()) {
      return Optional.of(RejectReason.OPTED_OUT);
    }
    if (c.marketingCappedUntil().filter(now::isBefore).isPresent()) {
      return Optional.of(RejectReason.FREQUENCY_CAPPED);
    }
    if (requireOptIn
        && c.optIns().stream().noneMatch(i -> i.category() == TemplateCategory.MARKETING)) {
      return Optional.of(RejectReason.NO_CONSENT);
    }
    return Optional.empty();
  }

  /**
   * Returns whether the user may receive marketing templates now: opted in, not opted out, not
   * capped.
   *
   * @param user the user
   * @param now the current time
   * @return whether marketing may be sent
   */
  public boolean mayReceiveMarketing(String user, Instant now) {
    return check(user, TemplateCategory.MARKETING, true, now).isEmpty();
  }

  /**
   * Returns everything recorded about the user, for a data-access request.
   *
   * @param user the user
   * @return the record, or empty when nothing is recorded
   */
  public Optional<UserConsent> export(String user) {
    return Optional.ofNullable(users.get(UserKeys.of(user)));
  }

  /**
   * Removes everything recorded about the user, for an erasure request. Note that this also removes
   * the user's opt-outs: keep a suppression entry of your own if the law requires you to remember
   * them.
   *
   * @param user the user
   * @return whether anything was recorded
   */
  public boolean erase(String user) {
    return users.remove(UserKeys.of(user)) != null;
  }

  /** Returns how many users the registry holds. */
  public int size() {
    return users.size();
  }

  @Override
  public String toString() {
    return "ConsentRegistry[users=" + users.size() + ", keywords=" + keywords.size() + "]";
  }

  private void update(String user, java.util.function.UnaryOperator<UserConsent> change) {
    String key = UserKeys.of(user);
    users.compute(
        key,
        (k, old) ->
            change.apply(
                old != null ? old : new UserConsent(k, List.of(), List.of(), Optional.empty())));
  }

  /** Builds a {@link ConsentRegistry}. Not thread-safe. */
  public static final class Builder {
    private Set<String> keywords = DEFAULT_OPT_OUT_KEYWORDS;

    private Builder() {}

    /**
     * Sets the opt-out keywords, replacing the {@link #DEFAULT_OPT_OUT_KEYWORDS}. Matching ignores
     * letter case and surrounding spaces, and needs the whole message to be the keyword.
     *
     * @param keywords the keywords; may be empty to disable keyword opt-outs
     * @return this builder
     */
    public Builder optOutKeywords(Set<String> keywords) {
      this.keywords =
          keywords.stream()
              .map(k -> k.trim().toUpperCase(Locale.ROOT))
              .filter(k -> !k.isEmpty())
              .collect(Collectors.toUnmodifiableSet());
      return this;
    }

    /**
     * Builds the registry.
     *
     * @return a new, empty registry
     */
    public ConsentRegistry build() {
      return new ConsentRegistry(keywords);
    }
  }
}
