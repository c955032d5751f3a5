package dev.fragkit.economy.ledger;

import java.util.regex.Pattern;

final class Identifiers {
  static final Pattern OPERATION_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");
  static final Pattern SKU = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private Identifiers() {}

  /**
   * {@code check(field, value, OPERATION_ID)} without a regex engine (this runs once per ledger
   * operation): 1–128 characters in {@code \x21..\x7e}.
   */
  static String checkOperationId(String field, String value) {
    int n = value.length();
    boolean ok = n >= 1 && n <= 128;
    for (int i = 0; ok && i < n; i++) {
      char c = value.charAt(i);
      ok = c >= 0x21 && c <= 0x7e;
    }
    if (!ok) {
      throw new InvalidIdentifierException(field, value, "must match " + OPERATION_ID.pattern());
    }
    return value;
  }

  static String check(String field, String value, Pattern rule) {
    if (!rule.matcher(value).matches()) {
      throw new InvalidIdentifierException(field, value, "must match " + rule.pattern());
    }
    return value;
  }
}
