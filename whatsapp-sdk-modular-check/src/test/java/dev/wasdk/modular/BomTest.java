package dev.wasdk.modular;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the BOM complete: every module the build publishes is managed by it, at the build's
 * version, so a user who imports the BOM never mixes versions.
 */
class BomTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  private static final Pattern MANAGED =
      Pattern.compile(
          "<artifactId>(whatsapp-sdk-[a-z-]+)</artifactId>\\s*<version>\\$\\{project.version}"
              + "</version>");

  @Test
  void bom_managesEveryPublishedModule() throws Exception {
    String bom = Files.readString(ROOT.resolve("whatsapp-sdk-bom/pom.xml"));
    List<String> managed = new ArrayList<>();
    Matcher m = MANAGED.matcher(bom);
    while (m.find()) {
      managed.add(m.group(1));
    }
    List<String> published = new ArrayList<>();
    Matcher modules = MODULE.matcher(Files.readString(ROOT.resolve("pom.xml")));
    while (modules.find()) {
      String module = modules.group(1);
      String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
      boolean skipped = pom.contains("<maven.deploy.skip>true</maven.deploy.skip>");
      if (!skipped && !module.equals("whatsapp-sdk-bom")) {
        published.add(module);
      }
    }
    assertThat(published).contains("whatsapp-sdk-core", "whatsapp-sdk-webhooks");
    assertThat(managed).containsAll(published);
    assertThat(managed).allMatch(published::contains, "is a module the build publishes");
  }

  @Test
  void bom_hasTheParentsVersion() throws Exception {
    Pattern version = Pattern.compile("</artifactId>\\s*<version>([^<]+)</version>");
    Matcher parent = version.matcher(Files.readString(ROOT.resolve("pom.xml")));
    Matcher bom = version.matcher(Files.readString(ROOT.resolve("whatsapp-sdk-bom/pom.xml")));
    assertThat(parent.find()).isTrue();
    assertThat(bom.find()).isTrue();
    assertThat(bom.group(1)).isEqualTo(parent.group(1));
  }
}
