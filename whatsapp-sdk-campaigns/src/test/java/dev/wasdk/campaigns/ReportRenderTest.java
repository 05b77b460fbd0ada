package dev.wasdk.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the HTML report in headless Chromium: it must load without errors, keep its charts in the
 * DOM, and paint something that is not blank. Runs when {@code chromium} (or {@code
 * chromium-browser}, {@code google-chrome}) is on the PATH, as in CI, where {@code .ci/run}
 * installs it; otherwise it says that it skips.
 */
class ReportRenderTest {
  @TempDir Path dir;

  private static Optional<Path> chromium() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String d : path.split(File.pathSeparator)) {
        Path p = Path.of(d, name);
        if (Files.isExecutable(p)) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private static String run(Path out, List<String> command) throws Exception {
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(false)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("chromium finished").isTrue();
    assertThat(p.exitValue()).as("chromium's exit code").isZero();
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void report_rendersInHeadlessChromium_notBlank() throws Exception {
    Optional<Path> browser = chromium();
    if (browser.isEmpty()) {
      System.out.println(
          "ReportRenderTest: chromium is not on the PATH; skipping the browser test");
    }
    Assumptions.assumeTrue(browser.isPresent(), "chromium is not on the PATH");
    CampaignReport report =
        CampaignReport.builder(ReportFixture.store(), ReportFixture.ID).throughputLimit(80).build();
    Path html = dir.resolve("report.html");
    report.writeHtml(html);
    String url = html.toUri().toString();
    List<String> common =
        List.of(
            browser.get().toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--user-data-dir=" + dir.resolve("profile"));

    String dom = run(dir.resolve("dom.html"), concat(common, List.of("--dump-dom", url)));
    assertThat(dom).contains("<svg id=\"funnel\"").contains("data-step=\"read\"");

    Path png = dir.resolve("report.png");
    run(
        dir.resolve("shot.log"),
        concat(common, List.of("--window-size=1000,1800", "--screenshot=" + png, url)));
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image).isNotNull();
    int first = image.getRGB(0, 0);
    boolean varied = false;
    for (int y = 0; y < image.getHeight() && !varied; y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        if (image.getRGB(x, y) != first) {
          varied = true;
          break;
        }
      }
    }
    assertThat(varied).as("the page painted something").isTrue();
    String keep = System.getProperty("wasdk.report.screenshot");
    if (keep != null) {
      Files.copy(png, Path.of(keep), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new java.util.ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
