package dev.wasdk.template;

import dev.wasdk.internal.text.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A button of a template as it is created and read back (the creation side; the send side is {@link
 * dev.wasdk.message.TemplateButton}). Buttons go in a {@link Component.Buttons} component.
 *
 * <pre>{@code
 * Button.quickReply("Stop promotions");
 * Button.url("Track order", "https://example.com/track?id={{1}}", "8812");
 * Button.phoneNumber("Call us", "+16467043595");
 * Button.copyCode("SUMMER25");
 * Button.otpCopyCode("Copy code");
 * }</pre>
 *
 * <p>Limits (a label of at most 25 characters, at most 10 buttons, …) are checked when the {@link
 * TemplateDefinition} is built. Instances are immutable and thread-safe.
 */
public sealed interface Button {

  /** Returns the button's type as Meta writes it, such as {@code QUICK_REPLY}. */
  String type();

  /**
   * Returns a quick-reply button.
   *
   * @param text the label, at most 25 characters
   * @return the button
   */
  static QuickReply quickReply(String text) {
    return new QuickReply(text);
  }

  /**
   * Returns a URL button without a variable.
   *
   * @param text the label
   * @param url the URL, at most 2,000 characters
   * @return the button
   */
  static Url url(String text, String url) {
    return new Url(text, url, Optional.empty());
  }

  /**
   * Returns a URL button whose URL ends with one variable <code>{{1}}</code>, with an example of
   * its value for review.
   *
   * @param text the label
   * @param url the URL, ending in <code>{{1}}</code>
   * @param example an example suffix
   * @return the button
   */
  static Url url(String text, String url, String example) {
    return new Url(text, url, Optional.of(Objects.requireNonNull(example, "example")));
  }

  /**
   * Returns a call button.
   *
   * @param text the label
   * @param phoneNumber the number to call, at most 20 characters
   * @return the button
   */
  static PhoneNumber phoneNumber(String text, String phoneNumber) {
    return new PhoneNumber(text, phoneNumber);
  }

  /**
   * Returns a copy-code button (coupon code), with an example code for review.
   *
   * @param example an example code, at most 15 characters
   * @return the button
   */
  static CopyCode copyCode(String example) {
    return new CopyCode(example);
  }

  /**
   * Returns an authentication template's copy-code OTP button.
   *
   * @param text the label, such as {@code Copy code}
   * @return the button
   */
  static Otp otpCopyCode(String text) {
    return new Otp(
        OtpType.COPY_CODE,
        Optional.of(Objects.requireNonNull(text, "text")),
        Optional.empty(),
        List.of(),
        Optional.empty());
  }

  /**
   * Returns an authentication template's one-tap autofill OTP button.
   *
   * @param text the copy-code fallback label
   * @param autofillText the autofill label
   * @param apps the Android apps that may receive the code, at least one
   * @return the button
   */
  static Otp otpOneTap(String text, String autofillText, List<AndroidApp> apps) {
    return new Otp(
        OtpType.ONE_TAP,
        Optional.of(Objects.requireNonNull(text, "text")),
        Optional.of(Objects.requireNonNull(autofillText, "autofillText")),
        apps,
        Optional.empty());
  }

  /**
   * Returns an authentication template's zero-tap OTP button; the business accepts the zero-tap
   * terms by creating it.
   *
   * @param text the copy-code fallback label
   * @param autofillText the one-tap fallback label
   * @param apps the Android apps that may receive the code, at least one
   * @return the button
   */
  static Otp otpZeroTap(String text, String autofillText, List<AndroidApp> apps) {
    return new Otp(
        OtpType.ZERO_TAP,
        Optional.of(Objects.requireNonNull(text, "text")),
        Optional.of(Objects.requireNonNull(autofillText, "autofillText")),
        apps,
        Optional.of(true));
  }

  /**
   * Returns a flow button that opens a published flow by id.
   *
   * @param text the label
   * @param flowId the flow's id
   * @param navigateScreen the first screen's id
   * @return the button
   */
  static Flow flowById(String text, String flowId, String navigateScreen) {
    return new Flow(
        text,
        Optional.of(Objects.requireNonNull(flowId, "flowId")),
        Optional.empty(),
        Optional.empty(),
        Optional.of("navigate"),
        Optional.of(Objects.requireNonNull(navigateScreen, "navigateScreen")));
  }

  /**
   * Returns a flow button that opens a flow by name.
   *
   * @param text the label
   * @param flowName the flow's name
   * @param navigateScreen the first screen's id
   * @return the button
   */
  static Flow flowByName(String text, String flowName, String navigateScreen) {
    return new Flow(
        text,
        Optional.empty(),
        Optional.of(Objects.requireNonNull(flowName, "flowName")),
        Optional.empty(),
        Optional.of("navigate"),
        Optional.of(Objects.requireNonNull(navigateScreen, "navigateScreen")));
  }

  /**
   * Returns a flow button with the flow's JSON inline.
   *
   * @param text the label
   * @param flowJson the flow JSON, as a string
   * @param navigateScreen the first screen's id
   * @return the button
   */
  static Flow flowByJson(String text, String flowJson, String navigateScreen) {
    return new Flow(
        text,
        Optional.empty(),
        Optional.empty(),
        Optional.of(Objects.requireNonNull(flowJson, "flowJson")),
        Optional.of("navigate"),
        Optional.of(Objects.requireNonNull(navigateScreen, "navigateScreen")));
  }

  /**
   * Returns a catalog button.
   *
   * @param text the label, such as {@code View catalog}
   * @return the button
   */
  static Catalog catalog(String text) {
    return new Catalog(text);
  }

  /**
   * Returns a multi-product button.
   *
   * @param text the label, such as {@code View items}
   * @return the button
   */
  static MultiProduct multiProduct(String text) {
    return new MultiProduct(text);
  }

  /**
   * A quick-reply button.
   *
   * @param text the label
   */
  record QuickReply(String text) implements Button {
    /** Checks that the label is not null. */
    public QuickReply {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String type() {
      return "QUICK_REPLY";
    }
  }

  /**
   * A URL button.
   *
   * @param text the label
   * @param url the URL, possibly ending in <code>{{1}}</code>
   * @param example the example suffix of a URL with a variable
   */
  record Url(String text, String url, Optional<String> example) implements Button {
    /** Checks that nothing is null. */
    public Url {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(example, "example");
    }

    /** Returns whether the URL has a variable, which a send must fill. */
    public boolean hasVariable() {
      return url.contains("{{");
    }

    @Override
    public String type() {
      return "URL";
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A call button.
   *
   * @param text the label
   * @param phoneNumber the number to call
   */
  record PhoneNumber(String text, String phoneNumber) implements Button {
    /** Checks that nothing is null. */
    public PhoneNumber {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(phoneNumber, "phoneNumber");
    }

    /** Leaves out the phone number. */
    @Override
    public String toString() {
      return "PhoneNumber[text=" + text + "]";
    }

    @Override
    public String type() {
      return "PHONE_NUMBER";
    }
  }

  /**
   * A copy-code (coupon) button.
   *
   * @param example the example code shown at review
   */
  record CopyCode(String example) implements Button {
    /** Checks that the example is not null. */
    public CopyCode {
      Objects.requireNonNull(example, "example");
    }

    @Override
    public String type() {
      return "COPY_CODE";
    }
  }

  /**
   * An authentication template's one-time-password button.
   *
   * @param otpType copy-code, one-tap or zero-tap
   * @param text the label (the copy-code label for one-tap and zero-tap)
   * @param autofillText the autofill label of one-tap and zero-tap buttons
   * @param apps the Android apps that may receive the code (one-tap and zero-tap)
   * @param zeroTapTermsAccepted whether the business accepted the zero-tap terms
   */
  record Otp(
      OtpType otpType,
      Optional<String> text,
      Optional<String> autofillText,
      List<AndroidApp> apps,
      Optional<Boolean> zeroTapTermsAccepted)
      implements Button {
    /** Copies the apps and checks that nothing is null. */
    public Otp {
      Objects.requireNonNull(otpType, "otpType");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(autofillText, "autofillText");
      apps = List.copyOf(apps);
      Objects.requireNonNull(zeroTapTermsAccepted, "zeroTapTermsAccepted");
    }

    @Override
    public String type() {
      return "OTP";
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * An Android app that may receive a one-tap or zero-tap code.
   *
   * @param packageName the app's package name, such as {@code com.example.app}
   * @param signatureHash the app's 11-character signing-key hash
   */
  record AndroidApp(String packageName, String signatureHash) {
    /** Checks that nothing is null. */
    public AndroidApp {
      Objects.requireNonNull(packageName, "packageName");
      Objects.requireNonNull(signatureHash, "signatureHash");
    }
  }

  /**
   * A flow button: one of flow id, flow name or flow JSON names the flow.
   *
   * @param text the label
   * @param flowId the published flow's id
   * @param flowName the flow's name
   * @param flowJson the flow's JSON, inline
   * @param flowAction {@code navigate} or {@code data_exchange}
   * @param navigateScreen the first screen's id
   */
  record Flow(
      String text,
      Optional<String> flowId,
      Optional<String> flowName,
      Optional<String> flowJson,
      Optional<String> flowAction,
      Optional<String> navigateScreen)
      implements Button {
    /** Checks that nothing is null. */
    public Flow {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(flowId, "flowId");
      Objects.requireNonNull(flowName, "flowName");
      Objects.requireNonNull(flowJson, "flowJson");
      Objects.requireNonNull(flowAction, "flowAction");
      Objects.requireNonNull(navigateScreen, "navigateScreen");
    }

    @Override
    public String type() {
      return "FLOW";
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A catalog button.
   *
   * @param text the label
   */
  record Catalog(String text) implements Button {
    /** Checks that the label is not null. */
    public Catalog {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String type() {
      return "CATALOG";
    }
  }

  /**
   * A multi-product button.
   *
   * @param text the label
   */
  record MultiProduct(String text) implements Button {
    /** Checks that the label is not null. */
    public MultiProduct {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String type() {
      return "MPM";
    }
  }

  /**
   * A button of a type this version does not know, as read back; it keeps its JSON. It cannot be
   * part of a definition.
   *
   * @param type the type Meta wrote
   * @param json the button's JSON
   */
  record Unknown(String type, String json) implements Button {
    /** Checks that nothing is null. */
    public Unknown {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(json, "json");
    }
  }
}
