package dev.fragkit.economy.ledger;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Identifies an account: a user's wallet in one guild, or one of a guild's {@link SystemAccount}s.
 * Ids (guild and user) are 1–64 characters of {@code [A-Za-z0-9_.-]}.
 *
 * <p>Immutable. Ordered by {@link #key()}, which is also the lock order.
 *
 * @param guild the guild (server) id
 * @param name the user id, or {@code "$" + system account name} for system accounts
 */
public record AccountId(String guild, String name) implements Comparable<AccountId> {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public AccountId {
    Objects.requireNonNull(guild, "guild");
    Objects.requireNonNull(name, "name");
    Identifiers.check("guild", guild, ID);
    if (name.startsWith("$")) {
      SystemAccount.valueOf(name.substring(1).toUpperCase(Locale.ROOT));
    } else {
      Identifiers.check("user", name, ID);
    }
  }

  /** A user's account in {@code guild}. */
  public static AccountId user(String guild, String user) {
    return new AccountId(guild, user);
  }

  /** A system account of {@code guild}. */
  public static AccountId system(String guild, SystemAccount account) {
    return new AccountId(guild, "$" + account.name().toLowerCase(Locale.ROOT));
  }

  /** Parses {@link #key()}. */
  public static AccountId parse(String key) {
    int slash = key.indexOf('/');
    if (slash < 0) {
      throw new InvalidIdentifierException("account", key, "guild/name expected");
    }
    return new AccountId(key.substring(0, slash), key.substring(slash + 1));
  }

  /** {@code guild/name}: unique, stable, used in stores and lock keys. */
  public String key() {
    return guild + "/" + name;
  }

  public boolean isSystem() {
    return name.startsWith("$");
  }

  /** The system account kind, empty for user accounts. */
  public Optional<SystemAccount> systemAccount() {
    return isSystem() ? Optional.of(SystemAccount.valueOf(name.substring(1).toUpperCase(Locale.ROOT)))
        : Optional.empty();
  }

  @Override
  public int compareTo(AccountId o) {
    int c = guild.compareTo(o.guild);
    return c != 0 ? c : name.compareTo(o.name);
  }

  @Override
  public String toString() {
    return key();
  }
}
