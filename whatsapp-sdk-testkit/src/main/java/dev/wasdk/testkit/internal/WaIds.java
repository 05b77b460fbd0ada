package dev.wasdk.testkit.internal;

import java.util.Set;

/**
 * The WhatsApp id ({@code wa_id}) the simulator reports for a dialled number, with the two rewrites
 * Meta is known to make: Brazilian mobiles keep the form they had when WhatsApp first saw them (the
 * 9 after the area code is present for areas 11 to 19, 21, 22, 24, 27 and 28, and absent
 * elsewhere), and Mexican mobiles carry a 1 after the country code (52 + 10 digits becomes 521 + 10
 * digits).
 */
final class WaIds {
  private static final Set<String> BRAZIL_AREAS_WITH_NINE =
      Set.of("11", "12", "13", "14", "15", "16", "17", "18", "19", "21", "22", "24", "27", "28");

  private WaIds() {}

  /** Returns the wa_id for {@code digits}, a number without its {@code +}. */
  static String canonical(String digits) {
    if (digits.startsWith("55") && (digits.length() == 12 || digits.length() == 13)) {
      String area = digits.substring(2, 4);
      String local = digits.substring(4);
      boolean withNine = BRAZIL_AREAS_WITH_NINE.contains(area);
      if (local.length() == 8 && withNine && isMobile(local.charAt(0))) {
        return "55" + area + "9" + local;
      }
      if (local.length() == 9 && !withNine && local.charAt(0) == '9') {
        return "55" + area + local.substring(1);
      }
      return digits;
    }
    if (digits.startsWith("52") && digits.length() == 12) {
      return "521" + digits.substring(2);
    }
    return digits;
  }

  /** Brazilian mobile numbers of eight digits began with 6 to 9; landlines with 2 to 5. */
  private static boolean isMobile(char first) {
    return first >= '6' && first <= '9';
  }
}
