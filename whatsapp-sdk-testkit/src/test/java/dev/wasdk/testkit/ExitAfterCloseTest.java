package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No SDK thread keeps the JVM alive once the client, sender, webhook server, hand-off and simulator
 * are closed: a program that uses them all, in a JVM of its own, ends when {@code main} returns.
 */
class ExitAfterCloseTest {

  @Test
  void main_everythingClosed_noThreadLingersAndTheJvmExits(@TempDir Path dir) throws Exception {
    Path output = dir.resolve("out.txt");
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dsun.net.httpserver.nodelay=true",
                "-cp",
                System.getProperty("java.class.path"),
                ExitAfterCloseMain.class.getName())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      boolean exited = process.waitFor(120, TimeUnit.SECONDS);
      String out = read(output);
      assertThat(exited).as("the JVM exits after main returns; output:%n%s", out).isTrue();
      assertThat(process.exitValue()).as(out).isZero();
      assertThat(out).as("non-daemon threads alive after close()").contains("LINGERING []");
    } finally {
      process.destroyForcibly();
    }
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
