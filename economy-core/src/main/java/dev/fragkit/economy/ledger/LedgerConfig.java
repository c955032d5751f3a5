package dev.fragkit.economy.ledger;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link Ledger}. Defaults port the reference bot's numbers: starting balance 0,
 * daily reward 100 every 24 h, rob cooldown 180 min for the robber and 24 h per target, robber
 * needs at least 50; store writes retried 3 times after 1 s, 2 s, 4 s.
 *
 * <p>Immutable; build with {@link #builder()} or start from {@link #defaults()}.
 */
public final class LedgerConfig {
  public static final long MAX_STARTING_BALANCE = 1_000_000;
  public static final long MAX_DAILY_REWARD = 10_000;
  public static final int MAX_CURRENCY_NAME_LENGTH = 32;

  private final long startingBalance;
  private final long dailyReward;
  private final Duration dailyCooldown;
  private final String currencyName;
  private final Duration robCooldown;
  private final Duration robTargetCooldown;
  private final long robMinimumBalance;
  private final int robSuccessPercent;
  private final int robMaxStealPercent;
  private final int robFinePercent;
  private final int storeRetries;
  private final Duration storeRetryWait;

  private LedgerConfig(Builder b) {
    startingBalance = b.startingBalance;
    dailyReward = b.dailyReward;
    dailyCooldown = b.dailyCooldown;
    currencyName = b.currencyName;
    robCooldown = b.robCooldown;
    robTargetCooldown = b.robTargetCooldown;
    robMinimumBalance = b.robMinimumBalance;
    robSuccessPercent = b.robSuccessPercent;
    robMaxStealPercent = b.robMaxStealPercent;
    robFinePercent = b.robFinePercent;
    storeRetries = b.storeRetries;
    storeRetryWait = b.storeRetryWait;
  }

  public static LedgerConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.startingBalance = startingBalance;
    b.dailyReward = dailyReward;
    b.dailyCooldown = dailyCooldown;
    b.currencyName = currencyName;
    b.robCooldown = robCooldown;
    b.robTargetCooldown = robTargetCooldown;
    b.robMinimumBalance = robMinimumBalance;
    b.robSuccessPercent = robSuccessPercent;
    b.robMaxStealPercent = robMaxStealPercent;
    b.robFinePercent = robFinePercent;
    b.storeRetries = storeRetries;
    b.storeRetryWait = storeRetryWait;
    return b;
  }

  /** Minted into every newly opened account (0–1,000,000). */
  public long startingBalance() {
    return startingBalance;
  }

  /** Minted by a daily claim (0–10,000). */
  public long dailyReward() {
    return dailyReward;
  }

  public Duration dailyCooldown() {
    return dailyCooldown;
  }

  /** Display name of the currency (1–32 characters). */
  public String currencyName() {
    return currencyName;
  }

  public Duration robCooldown() {
    return robCooldown;
  }

  /** After a successful rob, the victim cannot be robbed again for this long. */
  public Duration robTargetCooldown() {
    return robTargetCooldown;
  }

  public long robMinimumBalance() {
    return robMinimumBalance;
  }

  public int robSuccessPercent() {
    return robSuccessPercent;
  }

  /** A successful rob steals 1..(this percent of the victim's balance, at least 1). */
  public int robMaxStealPercent() {
    return robMaxStealPercent;
  }

  /** A caught robber pays this percent of their balance (at least 1) to the victim. */
  public int robFinePercent() {
    return robFinePercent;
  }

  /** Retries of a failed store transaction (after the first attempt). */
  public int storeRetries() {
    return storeRetries;
  }

  /** Wait before the first retry; doubled for each further retry (1 s → 1, 2, 4 s). */
  public Duration storeRetryWait() {
    return storeRetryWait;
  }

  @Override
  public String toString() {
    return "LedgerConfig{startingBalance=" + startingBalance + ", dailyReward=" + dailyReward
        + ", dailyCooldown=" + dailyCooldown + ", currencyName=" + currencyName + ", robCooldown=" + robCooldown
        + ", robTargetCooldown=" + robTargetCooldown + ", robMinimumBalance=" + robMinimumBalance
        + ", robSuccessPercent=" + robSuccessPercent + ", robMaxStealPercent=" + robMaxStealPercent
        + ", robFinePercent=" + robFinePercent + ", storeRetries=" + storeRetries
        + ", storeRetryWait=" + storeRetryWait + "}";
  }

  /** Not thread-safe. Each setter rejects its own bad value with a message naming the setting. */
  public static final class Builder {
    private long startingBalance = 0;
    private long dailyReward = 100;
    private Duration dailyCooldown = Duration.ofHours(24);
    private String currencyName = "coins";
    private Duration robCooldown = Duration.ofMinutes(180);
    private Duration robTargetCooldown = Duration.ofHours(24);
    private long robMinimumBalance = 50;
    private int robSuccessPercent = 50;
    private int robMaxStealPercent = 30;
    private int robFinePercent = 10;
    private int storeRetries = 3;
    private Duration storeRetryWait = Duration.ofSeconds(1);

    private Builder() {}

    public Builder startingBalance(long v) {
      if (v < 0 || v > MAX_STARTING_BALANCE) {
        throw new IllegalArgumentException("LedgerConfig.startingBalance must be 0.."
            + MAX_STARTING_BALANCE + ": " + v);
      }
      startingBalance = v;
      return this;
    }

    public Builder dailyReward(long v) {
      if (v < 0 || v > MAX_DAILY_REWARD) {
        throw new IllegalArgumentException("LedgerConfig.dailyReward must be 0.." + MAX_DAILY_REWARD + ": " + v);
      }
      dailyReward = v;
      return this;
    }

    public Builder dailyCooldown(Duration v) {
      dailyCooldown = nonNegative("dailyCooldown", v);
      return this;
    }

    public Builder currencyName(String v) {
      Objects.requireNonNull(v, "currencyName");
      if (v.isBlank() || v.length() > MAX_CURRENCY_NAME_LENGTH) {
        throw new IllegalArgumentException("LedgerConfig.currencyName must be 1.." + MAX_CURRENCY_NAME_LENGTH
            + " characters and not blank: \"" + v + "\" (" + v.length() + " characters)");
      }
      currencyName = v;
      return this;
    }

    public Builder robCooldown(Duration v) {
      robCooldown = nonNegative("robCooldown", v);
      return this;
    }

    public Builder robTargetCooldown(Duration v) {
      robTargetCooldown = nonNegative("robTargetCooldown", v);
      return this;
    }

    public Builder robMinimumBalance(long v) {
      if (v < 0) {
        throw new IllegalArgumentException("LedgerConfig.robMinimumBalance < 0: " + v);
      }
      robMinimumBalance = v;
      return this;
    }

    public Builder robSuccessPercent(int v) {
      robSuccessPercent = percent("robSuccessPercent", v);
      return this;
    }

    public Builder robMaxStealPercent(int v) {
      robMaxStealPercent = percent("robMaxStealPercent", v);
      return this;
    }

    public Builder robFinePercent(int v) {
      robFinePercent = percent("robFinePercent", v);
      return this;
    }

    public Builder storeRetries(int v) {
      if (v < 0 || v > 10) {
        throw new IllegalArgumentException("LedgerConfig.storeRetries must be 0..10: " + v);
      }
      storeRetries = v;
      return this;
    }

    /** Zero disables waiting between retries (tests). */
    public Builder storeRetryWait(Duration v) {
      storeRetryWait = nonNegative("storeRetryWait", v);
      return this;
    }

    public LedgerConfig build() {
      return new LedgerConfig(this);
    }

    private static Duration nonNegative(String name, Duration v) {
      Objects.requireNonNull(v, name);
      if (v.isNegative()) {
        throw new IllegalArgumentException("LedgerConfig." + name + " < 0: " + v);
      }
      return v;
    }

    private static int percent(String name, int v) {
      if (v < 0 || v > 100) {
        throw new IllegalArgumentException("LedgerConfig." + name + " must be 0..100: " + v);
      }
      return v;
    }
  }
}
