package dev.wasdk.message;

import static dev.wasdk.message.MessageSamples.ID;
import static dev.wasdk.message.MessageSamples.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wasdk.error.InvalidMessageException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * Properties of every length and count limit in {@link Limits}: a value at the limit (or anywhere
 * within it) builds, and a value past it fails with the field path WhatsApp would name and the
 * actual size. Text is made of random characters, including non-ASCII ones; rows and products are
 * spread over a random number of sections.
 */
class LimitsPropertiesTest {

  /**
   * One enforced limit.
   *
   * @param constant the name of the constant in {@link Limits}
   * @param limit its value
   * @param min the smallest valid size
   * @param build builds a message with a field (or list) of the given size, from random text and a
   *     seed
   * @param failurePath the field path named when the size is past the limit, from the size and the
   *     seed
   * @param unit what {@code actual} counts: characters, items, rows or products
   */
  record LimitCase(
      String constant,
      int limit,
      int min,
      Builder build,
      BiFunction<Integer, Long, String> failurePath,
      String unit) {
    @Override
    public String toString() {
      return constant + " @ " + failurePath.apply(limit + 1, 0L);
    }
  }

  @FunctionalInterface
  interface Builder {
    Object build(int size, String alphabet, long seed);
  }

  /** Returns text of exactly {@code n} UTF-16 units, cycling through the alphabet. */
  static String text(int n, String alphabet) {
    StringBuilder sb = new StringBuilder(n);
    while (sb.length() < n) {
      sb.append(alphabet.charAt(sb.length() % alphabet.length()));
    }
    // Ids are refused with trailing whitespace; the alphabet's first character is never a space.
    if (n > 0 && Character.isWhitespace(sb.charAt(n - 1))) {
      sb.setCharAt(n - 1, alphabet.charAt(0));
    }
    return sb.toString();
  }

  private static LimitCase length(String constant, int limit, String path, Builder build) {
    return new LimitCase(constant, limit, 1, build, (n, s) -> path, "characters");
  }

  private static final String BUTTONS = "interactive.action.buttons";
  private static final String SECTIONS = "interactive.action.sections";

  static final List<LimitCase> CASES =
      List.of(
          length(
              "TEXT_BODY_MAX",
              Limits.TEXT_BODY_MAX,
              "text.body",
              (n, a, s) -> to().text(text(n, a))),
          length(
              "BIZ_OPAQUE_CALLBACK_DATA_MAX",
              Limits.BIZ_OPAQUE_CALLBACK_DATA_MAX,
              "biz_opaque_callback_data",
              (n, a, s) -> to().bizOpaqueCallbackData(text(n, a)).text("hi")),
          length(
              "CAPTION_MAX",
              Limits.CAPTION_MAX,
              "image.caption",
              (n, a, s) -> to().image(ID, text(n, a))),
          length(
              "CAPTION_MAX",
              Limits.CAPTION_MAX,
              "video.caption",
              (n, a, s) -> to().video(ID, text(n, a))),
          length(
              "CAPTION_MAX",
              Limits.CAPTION_MAX,
              "document.caption",
              (n, a, s) -> to().document(ID, text(n, a))),
          length(
              "INTERACTIVE_HEADER_TEXT_MAX",
              Limits.INTERACTIVE_HEADER_TEXT_MAX,
              "interactive.header.text",
              (n, a, s) -> to().buttons().header(text(n, a)).body("b").button("y", "Y").build()),
          length(
              "INTERACTIVE_HEADER_TEXT_MAX",
              Limits.INTERACTIVE_HEADER_TEXT_MAX,
              "interactive.header.text",
              (n, a, s) ->
                  to().productList()
                      .header(text(n, a))
                      .body("b")
                      .catalogId("1")
                      .section("A", "sku")
                      .build()),
          length(
              "INTERACTIVE_BODY_MAX",
              Limits.INTERACTIVE_BODY_MAX,
              "interactive.body.text",
              (n, a, s) -> to().buttons().body(text(n, a)).button("y", "Y").build()),
          length(
              "INTERACTIVE_BODY_MAX",
              Limits.INTERACTIVE_BODY_MAX,
              "interactive.body.text",
              (n, a, s) -> to().locationRequest(text(n, a))),
          length(
              "INTERACTIVE_FOOTER_MAX",
              Limits.INTERACTIVE_FOOTER_MAX,
              "interactive.footer.text",
              (n, a, s) ->
                  to().ctaUrl()
                      .body("b")
                      .footer(text(n, a))
                      .displayText("Go")
                      .url("https://example.com")
                      .build()),
          length(
              "REPLY_BUTTON_ID_MAX",
              Limits.REPLY_BUTTON_ID_MAX,
              BUTTONS + "[1].reply.id",
              (n, a, s) -> {
                String id = text(n, a);
                // the other button's id must differ, or the builder rightly refuses a duplicate
                String other = id.equals("x") ? "z" : "x";
                return to().buttons().body("b").button(other, "X").button(id, "Y").build();
              }),
          length(
              "REPLY_BUTTON_TITLE_MAX",
              Limits.REPLY_BUTTON_TITLE_MAX,
              BUTTONS + "[0].reply.title",
              (n, a, s) -> to().buttons().body("b").button("y", text(n, a)).build()),
          length(
              "LIST_BODY_MAX",
              Limits.LIST_BODY_MAX,
              "interactive.body.text",
              (n, a, s) ->
                  to().list()
                      .body(text(n, a))
                      .button("Open")
                      .section("A", ListRow.of("r", "R"))
                      .build()),
          length(
              "LIST_BUTTON_MAX",
              Limits.LIST_BUTTON_MAX,
              "interactive.action.button",
              (n, a, s) ->
                  to().list()
                      .body("b")
                      .button(text(n, a))
                      .section("A", ListRow.of("r", "R"))
                      .build()),
          length(
              "LIST_SECTION_TITLE_MAX",
              Limits.LIST_SECTION_TITLE_MAX,
              SECTIONS + "[1].title",
              (n, a, s) ->
                  to().list()
                      .body("b")
                      .button("Open")
                      .section("A", ListRow.of("r", "R"))
                      .section(text(n, a), ListRow.of("q", "Q"))
                      .build()),
          length(
              "LIST_ROW_ID_MAX",
              Limits.LIST_ROW_ID_MAX,
              SECTIONS + "[0].rows[0].id",
              (n, a, s) ->
                  to().list()
                      .body("b")
                      .button("Open")
                      .section("A", ListRow.of(text(n, a), "R"))
                      .build()),
          length(
              "LIST_ROW_TITLE_MAX",
              Limits.LIST_ROW_TITLE_MAX,
              SECTIONS + "[0].rows[0].title",
              (n, a, s) ->
                  to().list()
                      .body("b")
                      .button("Open")
                      .section("A", ListRow.of("r", text(n, a)))
                      .build()),
          length(
              "LIST_ROW_DESCRIPTION_MAX",
              Limits.LIST_ROW_DESCRIPTION_MAX,
              SECTIONS + "[0].rows[0].description",
              (n, a, s) ->
                  to().list()
                      .body("b")
                      .button("Open")
                      .section("A", ListRow.of("r", "R", text(n, a)))
                      .build()),
          length(
              "CTA_URL_DISPLAY_TEXT_MAX",
              Limits.CTA_URL_DISPLAY_TEXT_MAX,
              "interactive.action.parameters.display_text",
              (n, a, s) ->
                  to().ctaUrl()
                      .body("b")
                      .displayText(text(n, a))
                      .url("https://example.com")
                      .build()),
          length(
              "FLOW_CTA_MAX",
              Limits.FLOW_CTA_MAX,
              "interactive.action.parameters.flow_cta",
              (n, a, s) -> to().flow().body("b").flowId("1").flowCta(text(n, a)).build()),
          length(
              "PRODUCT_SECTION_TITLE_MAX",
              Limits.PRODUCT_SECTION_TITLE_MAX,
              SECTIONS + "[0].title",
              (n, a, s) ->
                  to().productList()
                      .header("h")
                      .body("b")
                      .catalogId("1")
                      .section(text(n, a), "sku")
                      .build()),
          new LimitCase(
              "ADDRESS_IN_PIN_CODE_MAX",
              Limits.ADDRESS_IN_PIN_CODE_MAX,
              0,
              (n, a, s) ->
                  to().address().body("b").country("IN").value("in_pin_code", text(n, a)).build(),
              (n, s) -> "interactive.action.parameters.values.in_pin_code",
              "characters"),
          new LimitCase(
              "REPLY_BUTTONS_MAX",
              Limits.REPLY_BUTTONS_MAX,
              1,
              (n, a, s) -> {
                ReplyButtonsMessage.Builder b = to().buttons().body("b");
                for (int i = 0; i < n; i++) {
                  b.button("id" + i, text(3, a) + i);
                }
                return b.build();
              },
              (n, s) -> BUTTONS + "[" + Limits.REPLY_BUTTONS_MAX + "]",
              "items"),
          new LimitCase(
              "CONTACTS_MAX",
              Limits.CONTACTS_MAX,
              Limits.CONTACTS_MIN,
              (n, a, s) -> {
                List<Contact> contacts = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                  contacts.add(Contact.builder(text(5, a)).build());
                }
                return to().contacts(contacts);
              },
              (n, s) -> "contacts[" + Limits.CONTACTS_MAX + "]",
              "items"),
          new LimitCase(
              "LIST_SECTIONS_MAX",
              Limits.LIST_SECTIONS_MAX,
              1,
              (n, a, s) -> {
                ListMessage.Builder b = to().list().body("b").button("Open");
                for (int i = 0; i < n; i++) {
                  b.section("S" + i, ListRow.of("r" + i, "R"));
                }
                return b.build();
              },
              (n, s) -> SECTIONS + "[" + Limits.LIST_SECTIONS_MAX + "]",
              "items"),
          new LimitCase(
              "LIST_ROWS_MAX",
              Limits.LIST_ROWS_MAX,
              1,
              (n, a, s) -> {
                ListMessage.Builder b = to().list().body("b").button("Open");
                int row = 0;
                List<Integer> sizes = split(n, Limits.LIST_SECTIONS_MAX, s);
                for (int i = 0; i < sizes.size(); i++) {
                  ListRow[] rows = new ListRow[sizes.get(i)];
                  for (int r = 0; r < rows.length; r++) {
                    rows[r] = ListRow.of("row" + row++, text(4, a));
                  }
                  b.section("S" + i, rows);
                }
                return b.build();
              },
              (n, s) ->
                  elementPath(split(n, Limits.LIST_SECTIONS_MAX, s), Limits.LIST_ROWS_MAX, "rows"),
              "rows"),
          new LimitCase(
              "PRODUCT_LIST_SECTIONS_MAX",
              Limits.PRODUCT_LIST_SECTIONS_MAX,
              1,
              (n, a, s) -> {
                ProductListMessage.Builder b =
                    to().productList().header("h").body("b").catalogId("1");
                for (int i = 0; i < n; i++) {
                  b.section("S" + i, "sku" + i);
                }
                return b.build();
              },
              (n, s) -> SECTIONS + "[" + Limits.PRODUCT_LIST_SECTIONS_MAX + "]",
              "items"),
          new LimitCase(
              "PRODUCT_LIST_ITEMS_MAX",
              Limits.PRODUCT_LIST_ITEMS_MAX,
              1,
              (n, a, s) -> {
                ProductListMessage.Builder b =
                    to().productList().header("h").body("b").catalogId("1");
                List<Integer> sizes = split(n, Limits.PRODUCT_LIST_SECTIONS_MAX, s);
                int item = 0;
                for (int i = 0; i < sizes.size(); i++) {
                  String[] skus = new String[sizes.get(i)];
                  for (int k = 0; k < skus.length; k++) {
                    skus[k] = text(2, a) + item++;
                  }
                  b.section("S" + i, skus);
                }
                return b.build();
              },
              (n, s) ->
                  elementPath(
                      split(n, Limits.PRODUCT_LIST_SECTIONS_MAX, s),
                      Limits.PRODUCT_LIST_ITEMS_MAX,
                      "product_items"),
              "products"));

  /** Splits {@code n} into 1 to {@code maxParts} positive parts, chosen by the seed. */
  static List<Integer> split(int n, int maxParts, long seed) {
    Random random = new Random(seed);
    int parts = 1 + random.nextInt(Math.min(n, maxParts));
    List<Integer> sizes = new ArrayList<>();
    int left = n;
    for (int i = parts; i > 1; i--) {
      int size = 1 + random.nextInt(left - i + 1);
      sizes.add(size);
      left -= size;
    }
    sizes.add(left);
    return sizes;
  }

  /** Returns the path of the element with the given overall index when spread over sections. */
  static String elementPath(List<Integer> sizes, int index, String array) {
    int before = 0;
    for (int s = 0; s < sizes.size(); s++) {
      if (index < before + sizes.get(s)) {
        return SECTIONS + "[" + s + "]." + array + "[" + (index - before) + "]";
      }
      before += sizes.get(s);
    }
    throw new IllegalArgumentException("index " + index + " is past " + before + " elements");
  }

  @Provide
  Arbitrary<LimitCase> cases() {
    return Arbitraries.of(CASES);
  }

  /** Short alphabets of visible characters, including non-ASCII letters and a space inside. */
  @Provide
  Arbitrary<String> alphabets() {
    return Arbitraries.strings()
        .withCharRange('!', '~')
        .withChars('\u00e9', '\u00df', '\u4e2d', '\u0416', ' ')
        .ofMinLength(1)
        .ofMaxLength(8)
        .filter(s -> !s.isBlank() && !Character.isWhitespace(s.charAt(0)));
  }

  @Property
  void atTheLimit_builds(
      @ForAll("cases") LimitCase c, @ForAll("alphabets") String alphabet, @ForAll long seed) {
    assertThat(c.build().build(c.limit(), alphabet, seed)).isNotNull();
  }

  @Property
  void withinTheLimits_builds(
      @ForAll("cases") LimitCase c,
      @ForAll("alphabets") String alphabet,
      @ForAll @IntRange(min = 0, max = 4096) int offset,
      @ForAll long seed) {
    int size = c.min() + offset % (c.limit() - c.min() + 1);

    assertThat(c.build().build(size, alphabet, seed)).isNotNull();
  }

  @Property
  void pastTheLimit_failsWithFieldPathAndSize(
      @ForAll("cases") LimitCase c,
      @ForAll("alphabets") String alphabet,
      @ForAll @IntRange(min = 1, max = 40) int excess,
      @ForAll long seed) {
    int size = c.limit() + excess;

    InvalidMessageException e =
        catchThrowableOfType(
            InvalidMessageException.class, () -> c.build().build(size, alphabet, seed));

    assertThat(e).as(c.toString()).isNotNull();
    assertThat(e.fieldPath()).isEqualTo(c.failurePath().apply(size, seed));
    assertThat(e.actual()).isEqualTo(size + " " + c.unit());
    if (c.unit().equals("characters")) {
      assertThat(e.getMessage()).doesNotContain(text(Math.min(size, 12), alphabet));
    }
  }

  @Property
  void coordinatesWithinRange_build(
      @ForAll @DoubleRange(min = -90, max = 90) @Scale(7) double latitude,
      @ForAll @DoubleRange(min = -180, max = 180) @Scale(7) double longitude) {
    LocationMessage m = to().location(latitude, longitude);

    assertThat(m.latitude()).isEqualTo(latitude);
    assertThat(m.longitude()).isEqualTo(longitude);
  }

  @Property
  void coordinatesPastRange_failWithFieldPath(
      @ForAll @DoubleRange(min = 0.000001, max = 1e6) @Scale(6) double excess,
      @ForAll boolean negative) {
    double latitude = negative ? Limits.LATITUDE_MIN - excess : Limits.LATITUDE_MAX + excess;
    double longitude = negative ? Limits.LONGITUDE_MIN - excess : Limits.LONGITUDE_MAX + excess;

    InvalidMessageException lat =
        catchThrowableOfType(InvalidMessageException.class, () -> to().location(latitude, 0));
    InvalidMessageException lon =
        catchThrowableOfType(InvalidMessageException.class, () -> to().location(0, longitude));

    assertThat(lat.fieldPath()).isEqualTo("location.latitude");
    assertThat(lon.fieldPath()).isEqualTo("location.longitude");
  }

  @Property
  void split_partsAreCountedExactly(@ForAll @IntRange(min = 1, max = 80) int n, @ForAll long seed) {
    List<Integer> sizes = split(n, 10, seed);

    assertThat(sizes).allMatch(s -> s >= 1).hasSizeBetween(1, 10);
    assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
  }

  @Example
  void cases_coverEveryLimitConstant() throws IllegalAccessException {
    Set<String> constants = new TreeSet<>();
    Map<String, Integer> values = new HashMap<>();
    for (Field f : Limits.class.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
        values.put(f.getName(), f.getInt(null));
        if (f.getName().endsWith("_MAX")) {
          constants.add(f.getName());
        }
      }
    }
    Set<String> covered =
        CASES.stream().map(LimitCase::constant).collect(Collectors.toCollection(TreeSet::new));
    System.out.printf(
        "limit properties: %d limit cases over %d length/count constants%n",
        CASES.size(), constants.size());

    assertThat(covered).isEqualTo(constants);
    CASES.forEach(c -> assertThat(c.limit()).as(c.constant()).isEqualTo(values.get(c.constant())));
  }

  @Example
  void countCases_belowTheMinimum_nameTheArray() {
    for (LimitCase c : CASES) {
      if (!c.unit().equals("characters")
          && c.min() == 1
          && !c.unit().equals("rows")
          && !c.unit().equals("products")) {
        InvalidMessageException e =
            catchThrowableOfType(InvalidMessageException.class, () -> c.build().build(0, "a", 1L));
        String overflow = c.failurePath().apply(c.limit() + 1, 1L);

        assertThat(e.fieldPath())
            .as(c.constant())
            .isEqualTo(overflow.substring(0, overflow.lastIndexOf('[')));
        assertThat(e.actual()).isEqualTo("0 items");
      }
    }
  }
}
