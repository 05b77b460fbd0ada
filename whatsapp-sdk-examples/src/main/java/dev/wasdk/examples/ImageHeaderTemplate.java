package dev.wasdk.examples;

import dev.wasdk.client.TemplateCreated;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.template.Component;
import dev.wasdk.template.HeaderFormat;
import dev.wasdk.template.TemplateDefinition;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Creates a marketing template with an image header. Meta reviews a media header from an example
 * file handle, which only its Resumable Upload API makes: the image goes up through an upload
 * session (resumed if the transfer breaks), and the handle goes into the header.
 *
 * <p>Run {@link #main(String[])} to do it on the local simulator, whose first transfer is made to
 * break part-way so the resume shows.
 *
 * <pre>{@code
 * TemplateCreated t = ImageHeaderTemplate.create(wa, appId, Path.of("banner.png"));
 * }</pre>
 */
public final class ImageHeaderTemplate {
  private ImageHeaderTemplate() {}

  /**
   * Uploads the image and creates the template.
   *
   * @param wa a client with the WABA id set
   * @param appId the Meta app the upload session is opened on
   * @param image a PNG or JPEG file
   * @return the new template's id, status and category
   */
  public static TemplateCreated create(WhatsAppClient wa, String appId, Path image) {
    String type = image.toString().endsWith(".png") ? "image/png" : "image/jpeg";
    String handle = wa.media().uploadSessions().upload(appId, image, type);
    return wa.templates()
        .create(
            TemplateDefinition.builder("spring_sale_banner", "en_US", TemplateCategory.MARKETING)
                .components(
                    Component.mediaHeader(HeaderFormat.IMAGE, handle),
                    Component.body("Our spring sale starts {{1}}!", "Monday"),
                    Component.footer("Reply STOP to opt out"))
                .build());
  }

  /**
   * Creates the template on the local simulator.
   *
   * @param args unused
   * @throws IOException if the temporary image cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path image = Files.createTempFile("banner", ".png");
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = QuickStart.client(sim)) {
      Files.write(image, QuickStart.PIXEL_PNG);
      sim.breakNextUploadAfter(16); // the first transfer breaks; the upload resumes
      TemplateCreated t = create(wa, "1234567890", image);
      System.out.println("Template " + t.id() + " is " + t.status());
    } finally {
      Files.deleteIfExists(image);
    }
  }
}
