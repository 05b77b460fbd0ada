package dev.wasdk.campaigns;

import dev.wasdk.campaigns.internal.Normal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a campaign's A/B test: each variant's sample numbers, the two-proportion z-test of
 * the best challenger against the control, the confidence interval of their difference, and what
 * goes to the rest of the audience.
 *
 * <p><b>The test.</b> For the control (the campaign's first variant) and the challenger with the
 * highest rate, with n sent messages and x reaching the metric each, p = x / n:
 *
 * <ul>
 *   <li>pooled rate p&#x302; = (x<sub>c</sub> + x<sub>b</sub>) / (n<sub>c</sub> + n<sub>b</sub>),
 *       standard error SE = &radic;(p&#x302;(1 &minus; p&#x302;)(1/n<sub>c</sub> +
 *       1/n<sub>b</sub>)), z = (p<sub>b</sub> &minus; p<sub>c</sub>) / SE;
 *   <li>two-sided p-value = 2(1 &minus; &Phi;(|z|));
 *   <li>with k variants the level is &alpha;' = &alpha; / (k &minus; 1) (Bonferroni, since the best
 *       of k &minus; 1 challengers is tested);
 *   <li>the (1 &minus; &alpha;') confidence interval of p<sub>b</sub> &minus; p<sub>c</sub> is
 *       (p<sub>b</sub> &minus; p<sub>c</sub>) &plusmn; z<sub>1&minus;&alpha;'/2</sub>
 *       &radic;(p<sub>b</sub>(1 &minus; p<sub>b</sub>)/n<sub>b</sub> + p<sub>c</sub>(1 &minus;
 *       p<sub>c</sub>)/n<sub>c</sub>) (Wald, unpooled).
 * </ul>
 *
 * If the p-value is below &alpha;', the better of the two wins. Otherwise, or when a variant has
 * fewer sent messages than the minimum sample, the {@link AbTest.NoWinnerRule} applies, and {@link
 * #explanation()} says which case it was. {@link #decide} is a pure function of the stored sample
 * funnels, so the decision can be recomputed from the store at any time.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param metric the metric compared
 * @param significance the level &alpha; asked for
 * @param adjustedSignificance the level &alpha;' used
 * @param variants each variant's sample numbers, the control first
 * @param challenger the challenger tested against the control
 * @param z the z statistic (challenger minus control)
 * @param pValue the two-sided p-value
 * @param ciLow the interval's lower end, for challenger minus control
 * @param ciHigh the interval's upper end
 * @param verdict what the test found
 * @param sendToRest the variant sent to the rest of the audience; empty when the campaign stops
 * @param decidedAt when the decision was made
 */
public record AbDecision(
    Metric metric,
    double significance,
    double adjustedSignificance,
    List<VariantResult> variants,
    String challenger,
    double z,
    double pValue,
    double ciLow,
    double ciHigh,
    Verdict verdict,
    Optional<String> sendToRest,
    Instant decidedAt) {

  /** What the test found. */
  public enum Verdict {
    /** A variant won at the stated significance. */
    WINNER,
    /** No variant differed significantly: the no-winner rule applied. */
    NO_SIGNIFICANT_WINNER,
    /** A variant had fewer sent messages than the minimum sample: the no-winner rule applied. */
    INSUFFICIENT_SAMPLE
  }

  /**
   * One variant's sample numbers.
   *
   * @param variant the variant
   * @param sent messages sent (the denominator)
   * @param successes messages that reached the metric, at most {@code sent}
   */
  public record VariantResult(String variant, long sent, long successes) {
    /** Checks the arguments. */
    public VariantResult {
      Objects.requireNonNull(variant, "variant");
      if (sent < 0 || successes < 0 || successes > sent) {
        throw new IllegalArgumentException(
            "need 0 <= successes <= sent, got " + successes + " of " + sent);
      }
    }

    /** Returns successes over sent, 0 when nothing was sent. */
    public double rate() {
      return sent == 0 ? 0 : successes / (double) sent;
    }
  }

  /** Checks the arguments and copies the list. */
  public AbDecision {
    Objects.requireNonNull(metric, "metric");
    variants = List.copyOf(variants);
    Objects.requireNonNull(challenger, "challenger");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(sendToRest, "sendToRest");
    Objects.requireNonNull(decidedAt, "decidedAt");
    if (variants.size() < 2) {
      throw new IllegalArgumentException("an A/B decision needs at least two variants");
    }
  }

  /** Returns the control's name: the first variant. */
  public String control() {
    return variants.get(0).variant();
  }

  /** Returns the confidence level of the interval, 1 - &alpha;'. */
  public double confidence() {
    return 1 - adjustedSignificance;
  }

  /** Returns the winner, when the verdict is {@link Verdict#WINNER}. */
  public Optional<String> winner() {
    return verdict == Verdict.WINNER ? sendToRest : Optional.empty();
  }

  /**
   * Decides from the sample's funnels.
   *
   * @param test the test's settings
   * @param variantOrder the campaign's variants, the control first
   * @param sample the sample's funnel per variant
   * @param at the time of the decision
   * @return the decision
   */
  public static AbDecision decide(
      AbTest test, List<String> variantOrder, Map<String, Funnel> sample, Instant at) {
    List<VariantResult> results = new ArrayList<>();
    for (String v : variantOrder) {
      Funnel f = sample.getOrDefault(v, Funnel.EMPTY);
      results.add(new VariantResult(v, f.sent(), Math.min(f.sent(), f.count(test.metric()))));
    }
    return decide(test, results, at);
  }

  /**
   * Decides from each variant's numbers.
   *
   * @param test the test's settings
   * @param results the numbers, the control first
   * @param at the time of the decision
   * @return the decision
   */
  public static AbDecision decide(AbTest test, List<VariantResult> results, Instant at) {
    if (results.size() < 2) {
      throw new IllegalArgumentException("an A/B test needs at least two variants");
    }
    VariantResult control = results.get(0);
    VariantResult best = results.get(1);
    for (VariantResult r : results.subList(1, results.size())) {
      if (r.rate() > best.rate()) {
        best = r;
      }
    }
    double alpha = test.significance() / (results.size() - 1);
    double pc = control.rate();
    double pb = best.rate();
    long nc = control.sent();
    long nb = best.sent();
    double z = 0;
    double pValue = 1;
    double ciLow = 0;
    double ciHigh = 0;
    if (nc > 0 && nb > 0) {
      double pooled = (control.successes() + best.successes()) / (double) (nc + nb);
      double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / nc + 1.0 / nb));
      if (se > 0) {
        z = (pb - pc) / se;
        pValue = Math.min(1, 2 * (1 - Normal.cdf(Math.abs(z))));
      }
      double seDiff = Math.sqrt(pb * (1 - pb) / nb + pc * (1 - pc) / nc);
      double zCrit = Normal.quantile(1 - alpha / 2);
      ciLow = (pb - pc) - zCrit * seDiff;
      ciHigh = (pb - pc) + zCrit * seDiff;
    }
    boolean enough = results.stream().allMatch(r -> r.sent() >= test.minimumSample());
    Verdict verdict;
    Optional<String> rest;
    if (!enough) {
      verdict = Verdict.INSUFFICIENT_SAMPLE;
      rest = noWinner(test, control);
    } else if (pValue < alpha) {
      verdict = Verdict.WINNER;
      rest = Optional.of(z > 0 ? best.variant() : control.variant());
    } else {
      verdict = Verdict.NO_SIGNIFICANT_WINNER;
      rest = noWinner(test, control);
    }
    return new AbDecision(
        test.metric(),
        test.significance(),
        alpha,
        results,
        best.variant(),
        z,
        pValue,
        ciLow,
        ciHigh,
        verdict,
        rest,
        at);
  }

  private static Optional<String> noWinner(AbTest test, VariantResult control) {
    return test.noWinner() == AbTest.NoWinnerRule.KEEP_CONTROL
        ? Optional.of(control.variant())
        : Optional.empty();
  }

  /**
   * Returns the decision in one sentence, as reports print it.
   *
   * @return the explanation
   */
  public String explanation() {
    String numbers =
        String.format(
            Locale.ROOT,
            "%s %s rate %.2f%% vs control %s %.2f%%; z = %.3f, p = %.4g; %.1f%% CI of the"
                + " difference [%+.2f, %+.2f] points",
            challenger,
            metric.name().toLowerCase(Locale.ROOT),
            100 * rateOf(challenger),
            control(),
            100 * variants.get(0).rate(),
            z,
            pValue,
            100 * confidence(),
            100 * ciLow,
            100 * ciHigh);
    String rest = sendToRest.map(v -> "sending " + v + " to the rest").orElse("stopping");
    return switch (verdict) {
      case WINNER ->
          sendToRest.orElseThrow()
              + " wins at significance "
              + fmt(adjustedSignificance)
              + " ("
              + numbers
              + "); "
              + rest
              + ".";
      case NO_SIGNIFICANT_WINNER ->
          "No significant winner at "
              + fmt(adjustedSignificance)
              + " ("
              + numbers
              + "); by the rule, "
              + rest
              + ".";
      case INSUFFICIENT_SAMPLE ->
          "The sample was below the minimum per variant, so no decision on the data ("
              + numbers
              + "); by the rule, "
              + rest
              + ".";
    };
  }

  private double rateOf(String variant) {
    return variants.stream()
        .filter(v -> v.variant().equals(variant))
        .findFirst()
        .map(VariantResult::rate)
        .orElse(0.0);
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.4g", d);
  }

  /**
   * Returns the decision as one line of text, for a store.
   *
   * @return the encoded decision; {@link #parse(String)} reads it back
   */
  public String encode() {
    StringBuilder sb = new StringBuilder("ab1");
    sb.append(';').append(metric.name());
    sb.append(';').append(Double.toString(significance));
    sb.append(';').append(Double.toString(adjustedSignificance));
    sb.append(';');
    for (int i = 0; i < variants.size(); i++) {
      VariantResult v = variants.get(i);
      sb.append(i == 0 ? "" : ",")
          .append(v.variant())
          .append(':')
          .append(v.sent())
          .append(':')
          .append(v.successes());
    }
    sb.append(';').append(challenger);
    sb.append(';').append(Double.toString(z));
    sb.append(';').append(Double.toString(pValue));
    sb.append(';').append(Double.toString(ciLow));
    sb.append(';').append(Double.toString(ciHigh));
    sb.append(';').append(verdict.name());
    sb.append(';').append(sendToRest.orElse(""));
    sb.append(';').append(decidedAt.toString());
    return sb.toString();
  }

  /**
   * Reads a decision written by {@link #encode()}.
   *
   * @param text the encoded decision
   * @return the decision
   * @throws IllegalArgumentException if the text is not one
   */
  public static AbDecision parse(String text) {
    String[] p = text.split(";", -1);
    if (p.length != 13 || !p[0].equals("ab1")) {
      throw new IllegalArgumentException("not an encoded A/B decision");
    }
    List<VariantResult> vs = new ArrayList<>();
    for (String v : p[4].split(",")) {
      String[] f = v.split(":");
      vs.add(new VariantResult(f[0], Long.parseLong(f[1]), Long.parseLong(f[2])));
    }
    return new AbDecision(
        Metric.valueOf(p[1]),
        Double.parseDouble(p[2]),
        Double.parseDouble(p[3]),
        vs,
        p[5],
        Double.parseDouble(p[6]),
        Double.parseDouble(p[7]),
        Double.parseDouble(p[8]),
        Double.parseDouble(p[9]),
        Verdict.valueOf(p[10]),
        p[11].isEmpty() ? Optional.empty() : Optional.of(p[11]),
        Instant.parse(p[12]));
  }
}
