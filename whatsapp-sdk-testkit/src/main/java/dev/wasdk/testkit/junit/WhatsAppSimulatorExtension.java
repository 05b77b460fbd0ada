package dev.wasdk.testkit.junit;

import dev.wasdk.testkit.WhatsAppSimulator;
import java.util.Objects;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that injects a started {@link WhatsAppSimulator} into test methods, lifecycle
 * methods and constructors, and closes it afterwards.
 *
 * <pre>{@code
 * @ExtendWith(WhatsAppSimulatorExtension.class)
 * class CheckoutTest {
 *   @Test
 *   void sendsConfirmation(WhatsAppSimulator sim) {
 *     sim.userSends("+16505551234", "Hi");
 *     // ... point the client at sim.baseUrl() and send
 *     assertThat(sim.sentMessages()).hasSize(1);
 *   }
 * }
 * }</pre>
 *
 * <p>A simulator asked for by a test method, or a {@code @BeforeEach} / {@code @AfterEach} method,
 * lives for that test; all of them get the same one. A simulator asked for by a constructor or a
 * {@code @BeforeAll} method lives for the whole class and is shared by every test in it (call
 * {@link WhatsAppSimulator#reset()} between tests if they must not see each other's state).
 *
 * <p>To configure the simulator, register the extension with a builder:
 *
 * <pre>{@code
 * @RegisterExtension
 * static WhatsAppSimulatorExtension simulator =
 *     WhatsAppSimulatorExtension.using(() -> WhatsAppSimulator.builder().throughputPerSecond(20));
 * }</pre>
 *
 * <p>Instances are thread-safe; JUnit keeps the simulators in its extension store.
 */
public final class WhatsAppSimulatorExtension
    implements ParameterResolver, AfterEachCallback, AfterAllCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(WhatsAppSimulatorExtension.class);
  private static final String KEY = "simulator";

  private final Supplier<WhatsAppSimulator.Builder> builder;

  /** Creates the extension with the default simulator settings. */
  public WhatsAppSimulatorExtension() {
    this(WhatsAppSimulator::builder);
  }

  private WhatsAppSimulatorExtension(Supplier<WhatsAppSimulator.Builder> builder) {
    this.builder = builder;
  }

  /**
   * Returns an extension that starts each simulator from a builder.
   *
   * @param builder supplies a configured builder for each simulator
   * @return the extension
   */
  public static WhatsAppSimulatorExtension using(Supplier<WhatsAppSimulator.Builder> builder) {
    return new WhatsAppSimulatorExtension(Objects.requireNonNull(builder, "builder"));
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == WhatsAppSimulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext.Store store = context.getStore(NAMESPACE);
    // The store looks in the enclosing (class) context too, so a class-wide simulator is shared.
    WhatsAppSimulator existing = store.get(KEY, WhatsAppSimulator.class);
    if (existing != null) {
      return existing;
    }
    WhatsAppSimulator.Builder b = builder.get();
    if (b == null) {
      throw new ParameterResolutionException("the simulator builder supplier returned null");
    }
    WhatsAppSimulator started = b.start();
    store.put(KEY, started);
    return started;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    closeOwn(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    closeOwn(context);
  }

  /** Closes the simulator this context created, never one it only inherited from its parent. */
  private static void closeOwn(ExtensionContext context) {
    WhatsAppSimulator own = context.getStore(NAMESPACE).remove(KEY, WhatsAppSimulator.class);
    if (own != null) {
      own.close();
    }
  }
}
