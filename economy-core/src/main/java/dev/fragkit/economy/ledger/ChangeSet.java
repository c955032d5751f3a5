package dev.fragkit.economy.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything one committed transaction of an {@link InMemoryLedgerStore} wrote, as absolute new
 * values (balances, stock, inventory, hold states) plus the appended journal entries. Replaying
 * change sets in commit order rebuilds the store, which is how durable stores built on the
 * in-memory one (the file store) recover.
 *
 * <p>Immutable.
 */
public record ChangeSet(List<AccountBalance> balances, List<Transfer> transfers,
    List<OperationRecord> operations, List<Marker> markers, List<ShopItem> items,
    List<Inventory> inventory, List<Hold> holds) {
  public ChangeSet {
    balances = List.copyOf(balances);
    transfers = List.copyOf(transfers);
    operations = List.copyOf(operations);
    markers = List.copyOf(markers);
    items = List.copyOf(items);
    inventory = List.copyOf(inventory);
    holds = List.copyOf(holds);
  }

  public boolean isEmpty() {
    return balances.isEmpty() && transfers.isEmpty() && operations.isEmpty() && markers.isEmpty()
        && items.isEmpty() && inventory.isEmpty() && holds.isEmpty();
  }

  /** A per-account timestamp. Immutable. */
  public record Marker(AccountId account, String name, Instant at) {
    public Marker {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(at, "at");
    }
  }

  /** Units of one sku an account owns. Immutable. */
  public record Inventory(AccountId account, String sku, long quantity) {
    public Inventory {
      Objects.requireNonNull(account, "account");
      Objects.requireNonNull(sku, "sku");
    }
  }
}
