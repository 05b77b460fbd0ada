package dev.wasdk.internal.json;

import dev.wasdk.client.BusinessProfile;
import dev.wasdk.client.BusinessProfileUpdate;
import dev.wasdk.client.BusinessVertical;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes business profile updates and reads the profile ({@code whatsapp_business_profile}). */
public final class BusinessProfileJson {
  private BusinessProfileJson() {}

  /** Returns the body of a profile update: only the fields the update sets. */
  public static byte[] write(BusinessProfileUpdate u) {
    ObjectNode o = ManagementJson.object();
    o.put("messaging_product", "whatsapp");
    u.about().ifPresent(v -> o.put("about", v));
    u.address().ifPresent(v -> o.put("address", v));
    u.description().ifPresent(v -> o.put("description", v));
    u.email().ifPresent(v -> o.put("email", v));
    u.profilePictureHandle().ifPresent(v -> o.put("profile_picture_handle", v));
    u.websites()
        .ifPresent(
            list -> {
              ArrayNode a = o.putArray("websites");
              list.forEach(a::add);
            });
    u.vertical().ifPresent(v -> o.put("vertical", v.wireValue()));
    return ManagementJson.bytes(o);
  }

  /** Reads a profile from {@code data[0]}, a {@code business_profile} object or the body itself. */
  public static BusinessProfile read(JsonNode body) {
    JsonNode data = body.path("data");
    JsonNode p = data.isArray() && data.size() > 0 ? data.get(0) : body;
    if (p.has("business_profile")) {
      p = p.get("business_profile");
    }
    return new BusinessProfile(
        ManagementJson.text(p, "about"),
        ManagementJson.text(p, "address"),
        ManagementJson.text(p, "description"),
        ManagementJson.text(p, "email"),
        ManagementJson.text(p, "profile_picture_url"),
        ManagementJson.texts(p, "websites"),
        BusinessVertical.of(ManagementJson.text(p, "vertical").orElse(null)));
  }
}
