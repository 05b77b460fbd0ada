package dev.wasdk.spring;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code wasdk.numbers.*} properties: several business phone numbers in one application, each
 * with its own client and sender, wired by {@link WhatsAppNumbersAutoConfiguration}. Each number
 * has a name of your choice; a setting a number leaves out is taken from the single-number
 * properties ({@code wasdk.access-token}, {@code wasdk.waba-id}), so numbers of one account share
 * its token and numbers of another account set their own.
 *
 * <pre>
 * wasdk.numbers.sales.phone-number-id=106540352242922
 * wasdk.numbers.sales.access-token=${SALES_TOKEN}
 * wasdk.numbers.sales.waba-id=102290129340398
 * wasdk.numbers.support.phone-number-id=107655329012345
 * wasdk.numbers.support.access-token=${SUPPORT_TOKEN}
 * wasdk.numbers.support.waba-id=104996122399160
 * # this number only: an upgraded throughput and a higher tier
 * wasdk.numbers.support.sender.throughput=1000
 * wasdk.numbers.support.sender.tier=TIER_10K
 * </pre>
 *
 * <p>Each number's sender takes the shared {@code wasdk.sender.*} settings, and any of them the
 * number sets under {@code wasdk.numbers.<name>.sender.*} (the same keys) replaces the shared value
 * for that number only. A key there that is not a sender setting, or a value that cannot be used,
 * fails the start-up naming the number's property, such as {@code
 * wasdk.numbers.support.sender.throughput}.
 *
 * <p>When no number is configured, the single-number properties work as they always have.
 */
@ConfigurationProperties("wasdk")
public final class WhatsAppNumbersProperties {
  /**
   * Business phone numbers by a name of your choice, each with its own client bean ({@code
   * <name>WhatsAppClient}) and sender bean ({@code <name>MessageSender}). Each takes
   * phone-number-id, access-token, waba-id, primary, and sender.* (any wasdk.sender.* key, for that
   * number only). Empty by default: then the single-number properties apply.
   */
  private final Map<String, Number> numbers = new LinkedHashMap<>();

  /** Creates empty properties; Spring Boot binds them. */
  public WhatsAppNumbersProperties() {}

  /**
   * Returns the business phone numbers by name. Each gets a client bean named {@code
   * <name>WhatsAppClient} and a sender bean named {@code <name>MessageSender}.
   *
   * @return the numbers, in the order they were declared
   */
  public Map<String, Number> getNumbers() {
    return numbers;
  }

  /** One business phone number. */
  public static final class Number {
    /**
     * The id of the business phone number (WhatsApp Manager, API Setup), not the number itself.
     * Required; webhook events are routed to this number by it.
     */
    private String phoneNumberId;

    /** The access token of this number's account. Defaults to wasdk.access-token. */
    private String accessToken;

    /** The id of this number's WhatsApp Business Account. Defaults to wasdk.waba-id. */
    private String wabaId;

    /**
     * Whether this number's client and sender are the ones injected where no name is given. When no
     * number sets it, the first number declared is.
     */
    private boolean primary;

    /**
     * This number's own sender settings, by the keys of wasdk.sender.* (throughput, tier,
     * queue-capacity, marketing-frequency-cap.count, ...); each replaces the shared value for this
     * number only, and a key left out keeps it.
     */
    private final Map<String, String> sender = new LinkedHashMap<>();

    /** Creates an empty number; Spring Boot binds it. */
    public Number() {}

    /**
     * Returns the id of the business phone number (WhatsApp Manager, API Setup), not the number
     * itself. Required; webhook events are routed to this number by it.
     *
     * @return the phone number id
     */
    public String getPhoneNumberId() {
      return phoneNumberId;
    }

    /**
     * Sets the phone number id.
     *
     * @param phoneNumberId the id
     */
    public void setPhoneNumberId(String phoneNumberId) {
      this.phoneNumberId = phoneNumberId;
    }

    /**
     * Returns the access token of the account this number belongs to. Defaults to {@code
     * wasdk.access-token}.
     *
     * @return the token, or null to use the shared one
     */
    public String getAccessToken() {
      return accessToken;
    }

    /**
     * Sets the access token.
     *
     * @param accessToken the token
     */
    public void setAccessToken(String accessToken) {
      this.accessToken = accessToken;
    }

    /**
     * Returns the id of the WhatsApp Business Account this number belongs to, which is also the key
     * of its messaging-limit tier. Defaults to {@code wasdk.waba-id}.
     *
     * @return the WABA id, or null to use the shared one
     */
    public String getWabaId() {
      return wabaId;
    }

    /**
     * Sets the WABA id.
     *
     * @param wabaId the id
     */
    public void setWabaId(String wabaId) {
      this.wabaId = wabaId;
    }

    /**
     * Returns whether this number's client and sender are the ones injected where no name is given.
     * Default false: then the first number declared is.
     *
     * @return whether this number is the primary one
     */
    public boolean isPrimary() {
      return primary;
    }

    /**
     * Sets whether this number is the primary one.
     *
     * @param primary whether it is
     */
    public void setPrimary(boolean primary) {
      this.primary = primary;
    }

    /**
     * Returns this number's own sender settings as written, by the keys of {@code wasdk.sender.*}
     * (such as {@code throughput} or {@code marketing-frequency-cap.count}). Each replaces the
     * shared value for this number only; a key left out keeps it.
     *
     * @return the settings this number sets itself; empty when it takes every shared one
     */
    public Map<String, String> getSender() {
      return sender;
    }

    @Override
    public String toString() {
      // The token is left out on purpose; sender settings hold no secret.
      return "Number[phoneNumberId="
          + phoneNumberId
          + ", wabaId="
          + wabaId
          + ", sender="
          + sender
          + "]";
    }
  }
}
