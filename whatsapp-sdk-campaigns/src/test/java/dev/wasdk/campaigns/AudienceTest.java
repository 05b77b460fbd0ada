package dev.wasdk.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AudienceTest {
  @TempDir Path dir;

  private static List<AudienceMember> all(Audience a) {
    List<AudienceMember> out = new ArrayList<>();
    try (Audience.Cursor c = a.open()) {
      c.forEachRemaining(out::add);
    }
    return out;
  }

  @Test
  void csv_quotesCommasNewlinesZonesAndParameters() throws Exception {
    Path f = dir.resolve("a.csv");
    Files.writeString(
        f,
        "phone,name,zone,note\n"
            + "+16505550001,Ana,America/Los_Angeles,plain\n"
            + "+16505550002,\"Silva, Bruno\",,\"said \"\"hi\"\"\"\n"
            + "+16505550003,Chen,Asia/Tokyo,\"two\nlines\"\n",
        StandardCharsets.UTF_8);
    List<AudienceMember> members = all(Audience.csv(f, "phone", "zone"));
    assertThat(members).hasSize(3);
    assertThat(members.get(0))
        .isEqualTo(
            new AudienceMember(
                "+16505550001",
                Map.of("name", "Ana", "note", "plain"),
                Optional.of(ZoneId.of("America/Los_Angeles"))));
    assertThat(members.get(1).params())
        .isEqualTo(Map.of("name", "Silva, Bruno", "note", "said \"hi\""));
    assertThat(members.get(1).zone()).isEmpty();
    assertThat(members.get(2).param("note")).isEqualTo("two\nlines");
    // opened again, it starts over: a campaign resumes by skipping what its store holds
    assertThat(all(Audience.csv(f, "phone", "zone"))).isEqualTo(members);
  }

  @Test
  void csv_badInput_isRefusedNamingTheLine() throws Exception {
    Path f = dir.resolve("b.csv");
    Files.writeString(f, "phone,name\n+16505550001,Ana\n+16505550002\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Audience.csv(f, "msisdn", null).open())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no column 'msisdn'");
    try (Audience.Cursor c = Audience.csv(f, "phone", null).open()) {
      assertThat(c.next().param("name")).isEqualTo("Ana");
      assertThatThrownBy(c::next)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("line 3")
          .hasMessageContaining("1 fields, the header 2");
    }
    Path z = dir.resolve("z.csv");
    Files.writeString(z, "phone,zone\n+16505550001,Mars/Base\n", StandardCharsets.UTF_8);
    try (Audience.Cursor c = Audience.csv(z, "phone", "zone").open()) {
      assertThatThrownBy(c::next).hasMessageContaining("not a time zone");
    }
  }

  @Test
  void member_toStringMasksRecipientAndHidesParameters() {
    AudienceMember m = AudienceMember.of("+16505551234", Map.of("name", "Ana"));
    assertThat(m.toString()).doesNotContain("16505551234").doesNotContain("Ana").contains("name");
    assertThatThrownBy(() -> m.param("city")).hasMessageContaining("no parameter 'city'");
  }
}
