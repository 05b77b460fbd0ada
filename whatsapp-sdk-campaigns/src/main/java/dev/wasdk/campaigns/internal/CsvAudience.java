package dev.wasdk.campaigns.internal;

import dev.wasdk.campaigns.Audience;
import dev.wasdk.campaigns.AudienceMember;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/** An audience read line by line from a CSV file. */
public final class CsvAudience implements Audience {
  private final Path file;
  private final String recipientColumn;
  private final String zoneColumn;

  /** Creates the audience; the file is read on {@link #open()}. */
  public CsvAudience(Path file, String recipientColumn, String zoneColumn) {
    this.file = Objects.requireNonNull(file, "file");
    this.recipientColumn = Objects.requireNonNull(recipientColumn, "recipientColumn");
    this.zoneColumn = zoneColumn;
  }

  @Override
  public Cursor open() {
    BufferedReader in;
    try {
      in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the audience file " + file, e);
    }
    return new CsvCursor(in);
  }

  private final class CsvCursor implements Cursor {
    private final BufferedReader in;
    private final List<String> header;
    private final int recipientAt;
    private final int zoneAt;
    private int lineNumber;
    private List<String> next;

    CsvCursor(BufferedReader in) {
      this.in = in;
      List<String> h = readRecord();
      if (h == null) {
        close();
        throw new IllegalArgumentException("the audience file " + file + " is empty");
      }
      this.header = h;
      this.recipientAt = h.indexOf(recipientColumn);
      this.zoneAt = zoneColumn == null ? -1 : h.indexOf(zoneColumn);
      if (recipientAt < 0 || (zoneColumn != null && zoneAt < 0)) {
        close();
        throw new IllegalArgumentException(
            "the audience file "
                + file
                + " has no column '"
                + (recipientAt < 0 ? recipientColumn : zoneColumn)
                + "'; its header is "
                + h);
      }
      this.next = readRecord();
    }

    @Override
    public boolean hasNext() {
      return next != null;
    }

    @Override
    public AudienceMember next() {
      if (next == null) {
        throw new NoSuchElementException();
      }
      List<String> row = next;
      int at = lineNumber;
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "line "
                + at
                + " of "
                + file
                + " has "
                + row.size()
                + " fields, the header "
                + header.size());
      }
      Map<String, String> params = new HashMap<>();
      for (int i = 0; i < row.size(); i++) {
        if (i != recipientAt && i != zoneAt) {
          params.put(header.get(i), row.get(i));
        }
      }
      Optional<ZoneId> zone = Optional.empty();
      if (zoneAt >= 0 && !row.get(zoneAt).isBlank()) {
        try {
          zone = Optional.of(ZoneId.of(row.get(zoneAt).strip()));
        } catch (DateTimeException e) {
          throw new IllegalArgumentException(
              "line " + at + " of " + file + ": not a time zone: " + row.get(zoneAt), e);
        }
      }
      next = readRecord();
      return new AudienceMember(row.get(recipientAt).strip(), params, zone);
    }

    /** Reads one record, which may span lines inside quotes; null at the end. */
    private List<String> readRecord() {
      try {
        String line = in.readLine();
        if (line == null) {
          return null;
        }
        lineNumber++;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (true) {
          if (i == line.length()) {
            if (!quoted) {
              fields.add(field.toString());
              return fields;
            }
            String more = in.readLine();
            if (more == null) {
              throw new IllegalArgumentException(
                  "line " + lineNumber + " of " + file + " ends inside quotes");
            }
            lineNumber++;
            field.append('\n');
            line = more;
            i = 0;
            continue;
          }
          char c = line.charAt(i++);
          if (quoted) {
            if (c == '"') {
              if (i < line.length() && line.charAt(i) == '"') {
                field.append('"');
                i++;
              } else {
                quoted = false;
              }
            } else {
              field.append(c);
            }
          } else if (c == '"') {
            quoted = true;
          } else if (c == ',') {
            fields.add(field.toString());
            field.setLength(0);
          } else {
            field.append(c);
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the audience file " + file, e);
      }
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        // nothing was written: closing a reader loses nothing
      }
    }
  }
}
