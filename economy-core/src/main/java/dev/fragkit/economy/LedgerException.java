package dev.fragkit.economy;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Root of every exception economy-core throws for a rejected or failed operation. Subclasses are
 * named for the failure and carry its context (account, operation id, lock key) as fields.
 *
 * <p>Immutable.
 */
public abstract class LedgerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final @Nullable String account;
  private final @Nullable String key;

  /**
   * @param account the account the failure concerns, as {@code AccountId.key()}, or null
   * @param key the operation id, lock key or other key the failure concerns, or null
   */
  protected LedgerException(String message, @Nullable String account, @Nullable String key,
      @Nullable Throwable cause) {
    super(message, cause);
    this.account = account;
    this.key = key;
  }

  /** The key of the account the failure concerns, if any. */
  public Optional<String> account() {
    return Optional.ofNullable(account);
  }

  /** The operation id, lock key or item key the failure concerns, if any. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }
}
