package dev.wasdk.message;

import static dev.wasdk.message.Invalid.assertInvalid;
import static dev.wasdk.message.MessageSamples.to;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocationMessageTest {
  @Test
  void location_latitudeAbove90_namesLatitude() {
    assertInvalid(() -> to().location(90.0001, 0), "location.latitude", "greater than 90.0");
  }

  @Test
  void location_latitudeBelowMinus90_namesLatitude() {
    assertInvalid(() -> to().location(-91, 0), "location.latitude", "less than -90.0");
  }

  @Test
  void location_longitudeAbove180_namesLongitude() {
    assertInvalid(() -> to().location(0, 180.5), "location.longitude", "greater than 180.0");
  }

  @Test
  void location_nanLatitude_isRefused() {
    assertInvalid(() -> to().location(Double.NaN, 0), "location.latitude", "not finite");
  }

  @Test
  void location_infiniteLongitude_isRefused() {
    assertInvalid(
        () -> to().location(0, Double.NEGATIVE_INFINITY), "location.longitude", "not finite");
  }

  @Test
  void location_blankName_namesLocationName() {
    assertInvalid(() -> to().location(1, 2, " ", "Main St"), "location.name", "blank");
  }

  @Test
  void location_blankAddress_namesLocationAddress() {
    assertInvalid(() -> to().location(1, 2, "Cafe", ""), "location.address", "0 characters");
  }

  @Test
  void location_bounds_build() {
    LocationMessage m = to().location(-90, 180);

    assertThat(m.latitude()).isEqualTo(-90.0);
    assertThat(m.longitude()).isEqualTo(180.0);
    assertThat(m.name()).isEmpty();
  }
}
