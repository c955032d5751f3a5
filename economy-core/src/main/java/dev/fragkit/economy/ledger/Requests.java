package dev.fragkit.economy.ledger;

import org.jspecify.annotations.Nullable;

/**
 * The canonical request texts of the one-leg operations {@link Ledger#transfer} ({@code "transfer
 * g/from g/to amount"}) and {@link Ledger#credit} ({@code "credit g/account amount"}). {@link
 * Ledger} builds them; {@link InMemoryLedgerStore} recognises them without allocating and, instead
 * of keeping the string, rebuilds it from the operation's only leg when a receipt is read.
 *
 * <p>Immutable (static helpers only).
 */
final class Requests {
  private static final String TRANSFER = "transfer ";
  private static final String CREDIT = "credit ";

  private Requests() {}

  static String transfer(AccountId from, AccountId to, long amount) {
    return TRANSFER + from.guild() + "/" + from.name() + " " + to.guild() + "/" + to.name() + " " + amount;
  }

  static String credit(AccountId account, long amount) {
    return CREDIT + account.guild() + "/" + account.name() + " " + amount;
  }

  /**
   * The canonical request of an operation of {@code kind} whose only leg moved {@code amount} from
   * {@code debit} to {@code credit}, or null when {@code kind} has no canonical one-leg request.
   */
  static @Nullable String rebuild(OperationKind kind, AccountId debit, AccountId credit, long amount) {
    return switch (kind) {
      case TRANSFER -> transfer(debit, credit, amount);
      case CREDIT -> credit(credit, amount);
      default -> null;
    };
  }

  /** True when {@code request} equals {@code rebuild(kind, debit, credit, amount)} (no allocation). */
  static boolean isCanonical(String request, OperationKind kind, AccountId debit, AccountId credit, long amount) {
    int at;
    switch (kind) {
      case TRANSFER -> {
        at = prefix(request, TRANSFER);
        at = account(request, at, debit);
        at = literal(request, at, ' ');
        at = account(request, at, credit);
      }
      case CREDIT -> {
        at = prefix(request, CREDIT);
        at = account(request, at, credit);
      }
      default -> {
        return false;
      }
    }
    at = literal(request, at, ' ');
    return at >= 0 && number(request, at, amount);
  }

  private static int prefix(String s, String prefix) {
    return s.startsWith(prefix) ? prefix.length() : -1;
  }

  private static int literal(String s, int at, char c) {
    return at >= 0 && at < s.length() && s.charAt(at) == c ? at + 1 : -1;
  }

  private static int account(String s, int at, AccountId account) {
    at = text(s, at, account.guild());
    at = literal(s, at, '/');
    return text(s, at, account.name());
  }

  private static int text(String s, int at, String part) {
    return at >= 0 && s.startsWith(part, at) ? at + part.length() : -1;
  }

  /** True when {@code s} from {@code at} to its end is exactly {@code Long.toString(value)}. */
  private static boolean number(String s, int at, long value) {
    int digits = s.length() - at;
    if (digits < 1 || digits > 20) {
      return false;
    }
    long v = value;
    int end = s.length();
    if (v < 0) {
      if (s.charAt(at) != '-') {
        return false;
      }
      at++;
    } else {
      v = -v;
    }
    // v <= 0 from here; compare digits from the right
    for (int i = end - 1; i >= at; i--) {
      char c = s.charAt(i);
      long digit = -(v % 10);
      if (c != (char) ('0' + digit)) {
        return false;
      }
      v /= 10;
      if (v == 0) {
        return i == at;
      }
    }
    return false;
  }
}
