package dev.wasdk.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wasdk.campaigns.AbDecision.VariantResult;
import dev.wasdk.campaigns.AbDecision.Verdict;
import dev.wasdk.campaigns.internal.Normal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Known answers. The expected values were computed by hand from the formulas in {@link AbDecision}
 * and checked with Python's math.erfc and statistics.NormalDist:
 *
 * <pre>
 * n = 1000 each, x_A = 100, x_B = 150: pooled p = 0.125, SE = sqrt(0.125 * 0.875 * 2/1000)
 *   = 0.0147902, z = 0.05 / SE = 3.3806170, p = 2 (1 - Phi(z)) = 0.00072323;
 *   unpooled SE = sqrt(0.1*0.9/1000 + 0.15*0.85/1000) = 0.0147479, z_0.975 = 1.9599640,
 *   95% CI = 0.05 -+ 0.0289054 = [0.0210947, 0.0789053]
 * n = 250 each, x_A = 25, x_B = 32: z = 0.9850171, p = 0.3246157 (not significant at 0.05)
 * </pre>
 */
class AbDecisionTest {
  private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void normal_knownValues() {
    assertThat(Normal.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-12));
    assertThat(Normal.cdf(0)).isCloseTo(0.5, within(1e-12));
    assertThat(Normal.cdf(-3.3806170189140654)).isCloseTo(0.0007232327164301555 / 2, within(1e-12));
    assertThat(Normal.cdf(-8)).isCloseTo(6.22096057427178e-16, within(1e-18));
    assertThat(Normal.quantile(0.975)).isCloseTo(1.9599639845400536, within(1e-8));
    assertThat(Normal.quantile(1 - 0.0125)).isCloseTo(2.2414027276049464, within(1e-8));
    assertThat(Normal.quantile(0.001)).isCloseTo(-3.090232306167813, within(1e-8));
  }

  @Test
  void decide_clearDifference_challengerWinsWithInterval() {
    AbTest test = AbTest.builder().significance(0.05).minimumSample(100).build();
    AbDecision d =
        AbDecision.decide(
            test,
            List.of(new VariantResult("A", 1000, 100), new VariantResult("B", 1000, 150)),
            AT);
    assertThat(d.z()).isCloseTo(3.3806170189140654, within(1e-9));
    assertThat(d.pValue()).isCloseTo(0.0007232327164301555, within(1e-11));
    assertThat(d.ciLow()).isCloseTo(0.021094683992369627, within(1e-8));
    assertThat(d.ciHigh()).isCloseTo(0.07890531600763034, within(1e-8));
    assertThat(d.verdict()).isEqualTo(Verdict.WINNER);
    assertThat(d.winner()).contains("B");
    assertThat(d.sendToRest()).contains("B");
    assertThat(d.confidence()).isCloseTo(0.95, within(1e-12));
    assertThat(d.explanation()).startsWith("B wins at significance 0.05000").contains("95.0% CI");
  }

  @Test
  void decide_controlSignificantlyBetter_controlWins() {
    AbTest test = AbTest.builder().build();
    AbDecision d =
        AbDecision.decide(
            test,
            List.of(new VariantResult("A", 1000, 150), new VariantResult("B", 1000, 100)),
            AT);
    assertThat(d.z()).isCloseTo(-3.3806170189140654, within(1e-9));
    assertThat(d.winner()).contains("A");
  }

  @Test
  void decide_smallDifference_followsRule() {
    List<VariantResult> r =
        List.of(new VariantResult("A", 250, 25), new VariantResult("B", 250, 32));
    AbDecision keep = AbDecision.decide(AbTest.builder().build(), r, AT);
    assertThat(keep.z()).isCloseTo(0.9850170575272584, within(1e-9));
    assertThat(keep.pValue()).isCloseTo(0.3246156923763821, within(1e-11));
    assertThat(keep.verdict()).isEqualTo(Verdict.NO_SIGNIFICANT_WINNER);
    assertThat(keep.winner()).isEmpty();
    assertThat(keep.sendToRest()).contains("A");
    assertThat(keep.explanation()).startsWith("No significant winner").contains("sending A");

    AbDecision stop =
        AbDecision.decide(AbTest.builder().noWinner(AbTest.NoWinnerRule.STOP).build(), r, AT);
    assertThat(stop.sendToRest()).isEmpty();
    assertThat(stop.explanation()).contains("stopping");
  }

  @Test
  void decide_belowMinimumSample_insufficient() {
    AbDecision d =
        AbDecision.decide(
            AbTest.builder().minimumSample(500).build(),
            List.of(new VariantResult("A", 1000, 100), new VariantResult("B", 400, 200)),
            AT);
    assertThat(d.verdict()).isEqualTo(Verdict.INSUFFICIENT_SAMPLE);
    assertThat(d.sendToRest()).contains("A");
  }

  @Test
  void decide_threeVariants_bonferroniAndBestChallenger() {
    AbDecision d =
        AbDecision.decide(
            AbTest.builder().build(),
            List.of(
                new VariantResult("A", 1000, 100),
                new VariantResult("B", 1000, 120),
                new VariantResult("C", 1000, 150)),
            AT);
    assertThat(d.challenger()).isEqualTo("C");
    assertThat(d.adjustedSignificance()).isCloseTo(0.025, within(1e-12));
    // z_{1 - 0.0125} = 2.2414027 widens the interval: 0.05 -+ 2.2414027 * 0.0147479
    assertThat(d.ciLow()).isCloseTo(0.05 - 2.2414027276049464 * 0.014747881203752625, within(1e-8));
    assertThat(d.winner()).contains("C");
  }

  @Test
  void encode_parse_roundTrips() {
    AbDecision d =
        AbDecision.decide(
            AbTest.builder().build(),
            List.of(new VariantResult("A", 1000, 100), new VariantResult("B", 1000, 150)),
            AT);
    assertThat(AbDecision.parse(d.encode())).isEqualTo(d);
  }
}
