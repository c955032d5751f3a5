package dev.fragkit.economy.ledger;

import java.util.regex.Pattern;

final class Identifiers {
  static final Pattern OPERATION_ID = Pattern.compile("[\\x21-\\x7e]{1,128}");
  static final Pattern SKU = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private Identifiers() {}

  static String check(String field, String value, Pattern rule) {
    if (!rule.matcher(value).matches()) {
      throw new InvalidIdentifierException(field, value, "must match " + rule.pattern());
    }
    return value;
  }
}
