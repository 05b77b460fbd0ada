package dev.wasdk.message;

import static dev.wasdk.message.Invalid.assertInvalid;
import static dev.wasdk.message.MessageSamples.to;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProductMessagesTest {
  private static ProductListMessage.Builder list() {
    return to().productList().header("Picks").body("Ours").catalogId("1");
  }

  private static String[] skus(String prefix, int n) {
    String[] ids = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = prefix + i;
    }
    return ids;
  }

  @Test
  void product_noCatalogId_namesCatalogId() {
    assertInvalid(
        () -> to().product().productRetailerId("sku").build(),
        "interactive.action.catalog_id",
        "missing");
  }

  @Test
  void product_noRetailerId_namesProductRetailerId() {
    assertInvalid(
        () -> to().product().catalogId("1").build(),
        "interactive.action.product_retailer_id",
        "missing");
  }

  @Test
  void product_bodyTooLong_namesBody() {
    assertInvalid(
        () -> to().product().catalogId("1").productRetailerId("s").body("b".repeat(1025)).build(),
        "interactive.body.text",
        "1025 characters");
  }

  @Test
  void productList_noHeader_namesHeaderText() {
    assertInvalid(
        () -> to().productList().body("b").catalogId("1").section("A", "s").build(),
        "interactive.header.text",
        "missing");
  }

  @Test
  void productList_noSections_namesSections() {
    assertInvalid(() -> list().build(), "interactive.action.sections", "0 items");
  }

  @Test
  void productList_elevenSections_namesTheEleventh() {
    ProductListMessage.Builder b = list();
    for (int i = 0; i < 11; i++) {
      b.section("S" + i, "sku" + i);
    }

    assertInvalid(b::build, "interactive.action.sections[10]", "11 items");
  }

  @Test
  void productList_thirtyOneProducts_namesTheThirtyFirst() {
    var e =
        assertInvalid(
            () -> list().section("A", skus("a", 20)).section("B", skus("b", 11)).build(),
            "interactive.action.sections[1].product_items[10]",
            "31 products");
    assertThat(e.limit()).isEqualTo("at most 30 products in all sections");
  }

  @Test
  void productList_thirtyProducts_builds() {
    assertThat(list().section("A", skus("a", 30)).build().sections().get(0).productRetailerIds())
        .hasSize(30);
  }

  @Test
  void productList_emptySection_namesProductItems() {
    assertInvalid(
        () -> list().section("A").build(),
        "interactive.action.sections[0].product_items",
        "0 products");
  }

  @Test
  void productList_untitledSectionAmongTwo_namesTitle() {
    assertInvalid(
        () -> list().section(ProductSection.untitled("a")).section("B", "b").build(),
        "interactive.action.sections[0].title",
        "missing");
  }

  @Test
  void productList_blankSku_namesItsPlace() {
    assertInvalid(
        () -> list().section("A", "a", " ").build(),
        "interactive.action.sections[0].product_items[1].product_retailer_id",
        "blank");
  }

  @Test
  void productList_sectionTitleTooLong_namesTitle() {
    assertInvalid(
        () -> list().section("t".repeat(25), "a").build(),
        "interactive.action.sections[0].title",
        "25 characters");
  }

  @Test
  void catalog_noThumbnail_namesThumbnail() {
    assertInvalid(
        () -> to().catalog().body("b").build(),
        "interactive.action.parameters.thumbnail_product_retailer_id",
        "missing");
  }

  @Test
  void catalog_footerTooLong_namesFooter() {
    assertInvalid(
        () ->
            to().catalog().body("b").footer("f".repeat(61)).thumbnailProductRetailerId("s").build(),
        "interactive.footer.text",
        "61 characters");
  }

  @Test
  void toBuilders_roundTrip() {
    ProductMessage p = to().product().catalogId("1").productRetailerId("s").body("b").build();
    ProductListMessage pl = list().footer("f").section("A", "a", "b").build();
    CatalogMessage c = to().catalog().body("b").thumbnailProductRetailerId("s").build();

    assertThat(p.toBuilder().build()).isEqualTo(p);
    assertThat(pl.toBuilder().build()).isEqualTo(pl);
    assertThat(c.toBuilder().build()).isEqualTo(c);
  }
}
