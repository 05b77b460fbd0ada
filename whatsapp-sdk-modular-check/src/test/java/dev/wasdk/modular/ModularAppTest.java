package dev.wasdk.modular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Starts {@link ModularApp} in a child JVM with every dependency on the module path (none on the
 * class path), so that the application resolves wasdk's modules through their {@code module-info}
 * exports alone.
 */
class ModularAppTest {

  @Test
  void main_onTheModulePath_sendsAndReceivesWebhooks() throws Exception {
    List<String> entries =
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
            .filter(e -> !e.isBlank())
            .filter(e -> !isTestOnly(e))
            .collect(Collectors.toList());
    assertThat(entries).anyMatch(e -> e.contains("whatsapp-sdk-core"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path out = Files.createTempFile("modular-app", ".log");
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("--module-path");
    command.add(String.join(File.pathSeparator, entries));
    command.add("--module");
    command.add("dev.wasdk.modular/dev.wasdk.modular.ModularApp");
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
    boolean exited = p.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      p.destroyForcibly();
    }
    String log = Files.readString(out, StandardCharsets.UTF_8);
    assertThat(exited).as("the modular app exits by itself; its output:%n%s", log).isTrue();
    assertThat(p.exitValue()).as("exit status; output:%n%s", log).isZero();
    assertThat(log).contains("modular app ok: named=true sent=true statuses=");
  }

  /** The test's own classes and test-only libraries stay off the application's module path. */
  private static boolean isTestOnly(String entry) {
    String e = entry.replace('\\', '/');
    return e.endsWith("/test-classes")
        || e.contains("/junit-jupiter-engine")
        || e.contains("/junit-platform-engine")
        || e.contains("/junit-platform-launcher")
        || e.contains("/junit-jupiter-params")
        || e.contains("/surefire")
        || e.contains("/org/assertj/")
        || e.contains("/net/bytebuddy/");
  }
}
