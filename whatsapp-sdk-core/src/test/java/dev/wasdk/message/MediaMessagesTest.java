package dev.wasdk.message;

import static dev.wasdk.message.Invalid.assertInvalid;
import static dev.wasdk.message.MessageSamples.ID;
import static dev.wasdk.message.MessageSamples.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class MediaMessagesTest {
  private static final String LONG_CAPTION = "x".repeat(Limits.CAPTION_MAX + 1);

  @Test
  void image_captionTooLong_namesImageCaption() {
    var e = assertInvalid(() -> to().image(ID, LONG_CAPTION), "image.caption", "1025 characters");
    assertThat(e.limit()).isEqualTo("1 to 1024 characters");
  }

  @Test
  void video_captionTooLong_namesVideoCaption() {
    assertInvalid(() -> to().video(ID, LONG_CAPTION), "video.caption", "1025 characters");
  }

  @Test
  void document_captionTooLong_namesDocumentCaption() {
    assertInvalid(() -> to().document(ID, LONG_CAPTION), "document.caption", "1025 characters");
  }

  @Test
  void image_blankCaption_isRefused() {
    assertInvalid(() -> to().image(ID, "  "), "image.caption", "blank");
  }

  @Test
  void document_blankFilename_namesDocumentFilename() {
    assertInvalid(() -> to().document(ID).withFilename(""), "document.filename", "0 characters");
  }

  @Test
  void document_withers_keepTheOtherValues() {
    DocumentMessage d = to().document(ID, "Invoice").withFilename("a.pdf").withCaption("Receipt");

    assertThat(d.caption()).contains("Receipt");
    assertThat(d.filename()).contains("a.pdf");
    assertThat(d.document()).isEqualTo(ID);
  }

  @Test
  void image_captionAtLimit_builds() {
    String caption = "y".repeat(Limits.CAPTION_MAX);

    assertThat(to().image(ID, caption).caption()).contains(caption);
  }

  @Test
  void audioAndVoice_differOnlyInVoiceFlag() {
    assertThat(to().audio(ID).voice()).isFalse();
    assertThat(to().voice(ID).voice()).isTrue();
    assertThat(to().voice(ID).audio()).isEqualTo(to().audio(ID).audio());
  }

  @Test
  void mediaRef_linkWithoutHttpScheme_namesLink() {
    assertInvalid(() -> MediaRef.link("ftp://example.com/a.png"), "link", "scheme ftp");
  }

  @Test
  void mediaRef_blankId_namesId() {
    assertInvalid(() -> MediaRef.id(" "), "id", "blank");
  }

  @Test
  void imageMessage_canonicalConstructor_validatesToo() {
    Envelope env = Envelope.of(Recipient.phone(MessageSamples.PHONE));

    assertInvalid(
        () -> new ImageMessage(env, ID, Optional.of(LONG_CAPTION)),
        "image.caption",
        "1025 characters");
  }

  @Test
  void captionTooLong_messageNeverContainsTheText() {
    String secret = "s3cr3t-".repeat(200);
    var e = assertInvalid(() -> to().image(ID, secret), "image.caption", "1400 characters");

    assertThat(e.getMessage()).doesNotContain("s3cr3t");
  }
}
