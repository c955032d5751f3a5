package dev.fragkit.adapters.fs.economy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.fragkit.economy.ledger.AccountBalance;
import dev.fragkit.economy.ledger.AccountId;
import dev.fragkit.economy.ledger.ChangeSet;
import dev.fragkit.economy.ledger.Hold;
import dev.fragkit.economy.ledger.HoldState;
import dev.fragkit.economy.ledger.OperationKind;
import dev.fragkit.economy.ledger.OperationRecord;
import dev.fragkit.economy.ledger.ShopItem;
import dev.fragkit.economy.ledger.Transfer;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ChangeSet} ⇄ one line of JSON: an object of arrays of rows, each row an array of strings
 * and integers (times as epoch microseconds).
 *
 * <p>Thread-safe.
 */
final class ChangeSetCodec {
  private static final JsonFactory JSON = new JsonFactory();

  private ChangeSetCodec() {}

  static String encode(ChangeSet c) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeArrayFieldStart("b");
      for (AccountBalance b : c.balances()) {
        g.writeStartArray();
        g.writeString(b.account().key());
        g.writeNumber(b.balance());
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("t");
      for (Transfer t : c.transfers()) {
        g.writeStartArray();
        g.writeNumber(t.sequence());
        g.writeString(t.operationId());
        g.writeString(t.kind().name());
        g.writeString(t.debit().key());
        g.writeString(t.credit().key());
        g.writeNumber(t.amount());
        g.writeNumber(micros(t.timestamp()));
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("o");
      for (OperationRecord o : c.operations()) {
        g.writeStartArray();
        g.writeString(o.operationId());
        g.writeString(o.kind().name());
        g.writeString(o.request());
        g.writeString(o.outcome());
        g.writeNumber(micros(o.appliedAt()));
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("m");
      for (ChangeSet.Marker m : c.markers()) {
        g.writeStartArray();
        g.writeString(m.account().key());
        g.writeString(m.name());
        g.writeNumber(micros(m.at()));
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("i");
      for (ShopItem i : c.items()) {
        g.writeStartArray();
        g.writeString(i.guild());
        g.writeString(i.sku());
        g.writeString(i.name());
        g.writeNumber(i.price());
        g.writeNumber(i.stock());
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("v");
      for (ChangeSet.Inventory v : c.inventory()) {
        g.writeStartArray();
        g.writeString(v.account().key());
        g.writeString(v.sku());
        g.writeNumber(v.quantity());
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("h");
      for (Hold h : c.holds()) {
        g.writeStartArray();
        g.writeString(h.holdId());
        g.writeString(h.account().key());
        g.writeNumber(h.amount());
        g.writeString(h.state().name());
        g.writeNumber(micros(h.createdAt()));
        g.writeNumber(micros(h.updatedAt()));
        g.writeString(h.payload());
        g.writeEndArray();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Parses one line; throws {@link IllegalArgumentException} naming the problem when malformed. */
  static ChangeSet decode(String line) {
    Map<String, List<List<Object>>> f = new HashMap<>();
    try (JsonParser p = JSON.createParser(line)) {
      expect(p.nextToken(), JsonToken.START_OBJECT, p);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        expect(p.nextToken(), JsonToken.START_ARRAY, p);
        List<List<Object>> rows = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_ARRAY) {
          List<Object> row = new ArrayList<>();
          JsonToken t;
          while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.VALUE_STRING) {
              row.add(p.getText());
            } else if (t == JsonToken.VALUE_NUMBER_INT) {
              row.add(p.getLongValue());
            } else {
              throw new IllegalArgumentException("unexpected " + t + " at column " + p.currentLocation().getColumnNr());
            }
          }
          rows.add(row);
        }
        f.put(name, rows);
      }
      if (p.nextToken() != null) {
        throw new IllegalArgumentException("trailing content after the change set");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("malformed change set: " + e.getMessage(), e);
    }
    try {
      List<AccountBalance> b = new ArrayList<>();
      for (List<Object> r : rows(f, "b")) {
        b.add(new AccountBalance(AccountId.parse(s(r, 0)), l(r, 1)));
      }
      List<Transfer> t = new ArrayList<>();
      for (List<Object> r : rows(f, "t")) {
        t.add(new Transfer(l(r, 0), s(r, 1), OperationKind.valueOf(s(r, 2)), AccountId.parse(s(r, 3)),
            AccountId.parse(s(r, 4)), l(r, 5), instant(l(r, 6))));
      }
      List<OperationRecord> o = new ArrayList<>();
      for (List<Object> r : rows(f, "o")) {
        o.add(new OperationRecord(s(r, 0), OperationKind.valueOf(s(r, 1)), s(r, 2), s(r, 3), instant(l(r, 4))));
      }
      List<ChangeSet.Marker> m = new ArrayList<>();
      for (List<Object> r : rows(f, "m")) {
        m.add(new ChangeSet.Marker(AccountId.parse(s(r, 0)), s(r, 1), instant(l(r, 2))));
      }
      List<ShopItem> i = new ArrayList<>();
      for (List<Object> r : rows(f, "i")) {
        i.add(new ShopItem(s(r, 0), s(r, 1), s(r, 2), l(r, 3), l(r, 4)));
      }
      List<ChangeSet.Inventory> v = new ArrayList<>();
      for (List<Object> r : rows(f, "v")) {
        v.add(new ChangeSet.Inventory(AccountId.parse(s(r, 0)), s(r, 1), l(r, 2)));
      }
      List<Hold> h = new ArrayList<>();
      for (List<Object> r : rows(f, "h")) {
        h.add(new Hold(s(r, 0), AccountId.parse(s(r, 1)), l(r, 2), HoldState.valueOf(s(r, 3)), instant(l(r, 4)),
            instant(l(r, 5)), s(r, 6)));
      }
      return new ChangeSet(b, t, o, m, i, v, h);
    } catch (IndexOutOfBoundsException | ClassCastException e) {
      throw new IllegalArgumentException("malformed change set row: " + e.getMessage(), e);
    }
  }

  private static List<List<Object>> rows(Map<String, List<List<Object>>> f, String name) {
    return f.getOrDefault(name, List.of());
  }

  private static String s(List<Object> row, int i) {
    return (String) row.get(i);
  }

  private static long l(List<Object> row, int i) {
    return (Long) row.get(i);
  }

  private static void expect(JsonToken actual, JsonToken expected, JsonParser p) {
    if (actual != expected) {
      throw new IllegalArgumentException("expected " + expected + " but found " + actual + " at column "
          + p.currentLocation().getColumnNr());
    }
  }

  static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  static Instant instant(long micros) {
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
  }
}
