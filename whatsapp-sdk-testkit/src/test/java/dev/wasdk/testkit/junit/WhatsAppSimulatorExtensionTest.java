package dev.wasdk.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.testkit.WhatsAppSimulator;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The extension injects running simulators and closes them. A checking extension registered before
 * it runs its after-callbacks after the simulator extension's, so it can see the simulator closed.
 */
class WhatsAppSimulatorExtensionTest {

  static boolean accepts(int port) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      return socket.isConnected();
    } catch (ConnectException e) {
      return false;
    } catch (IOException e) {
      return false;
    }
  }

  @Nested
  class PerTest {
    private final AtomicReference<WhatsAppSimulator> seen = new AtomicReference<>();
    private WhatsAppSimulator fromBeforeEach;

    @RegisterExtension
    @Order(1)
    final AfterEachCallback closedAfterTest =
        context -> {
          WhatsAppSimulator sim = seen.get();
          assertThat(sim).isNotNull();
          assertThat(accepts(sim.port())).as("simulator closed after the test").isFalse();
        };

    @RegisterExtension
    @Order(2)
    final WhatsAppSimulatorExtension extension = new WhatsAppSimulatorExtension();

    @BeforeEach
    void before(WhatsAppSimulator sim) {
      fromBeforeEach = sim;
    }

    @Test
    void resolve_testMethod_runningAndSameAsBeforeEach(WhatsAppSimulator sim) {
      seen.set(sim);

      assertThat(sim).isSameAs(fromBeforeEach);
      assertThat(accepts(sim.port())).isTrue();
      assertThat(sim.phoneNumberId()).isEqualTo(WhatsAppSimulator.DEFAULT_PHONE_NUMBER_ID);
    }
  }

  @Nested
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  class PerClass {
    private static final AtomicReference<WhatsAppSimulator> CLASS_WIDE = new AtomicReference<>();

    @RegisterExtension
    @Order(1)
    static final AfterAllCallback closedAfterClass =
        context ->
            assertThat(accepts(CLASS_WIDE.get().port()))
                .as("class-wide simulator closed after the class")
                .isFalse();

    @RegisterExtension
    @Order(2)
    static final WhatsAppSimulatorExtension extension =
        WhatsAppSimulatorExtension.using(() -> WhatsAppSimulator.builder().throughputPerSecond(7));

    @BeforeAll
    static void beforeAll(WhatsAppSimulator sim) {
      CLASS_WIDE.set(sim);
    }

    @Test
    @Order(1)
    void resolve_afterBeforeAll_sharesClassWideSimulator(WhatsAppSimulator sim) {
      assertThat(sim).isSameAs(CLASS_WIDE.get());
      sim.userSends("+16505551234", "hi");
    }

    @Test
    @Order(2)
    void resolve_secondTest_sameSimulatorStillRunning(WhatsAppSimulator sim) {
      assertThat(sim).isSameAs(CLASS_WIDE.get());
      assertThat(accepts(sim.port())).isTrue();
    }
  }

  @Test
  void using_nullBuilder_refused() {
    assertThatThrownBy(() -> WhatsAppSimulatorExtension.using(null))
        .isInstanceOf(NullPointerException.class);
  }
}
