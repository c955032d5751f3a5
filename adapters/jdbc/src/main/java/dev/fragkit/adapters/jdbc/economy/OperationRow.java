package dev.fragkit.adapters.jdbc.economy;

import dev.fragkit.economy.ledger.OperationKind;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * An {@code economy_operation} row as the JDBC ledger store stages or prefetches it; the time is in
 * epoch microseconds. Immutable.
 */
record OperationRow(String operationId, OperationKind kind, String request, String outcome, long appliedMicros) {
  /**
   * The operation row of a prefetch result row (columns: row kind, operation id, kind, request,
   * outcome, applied micros), as the single-transaction path and the batcher both read it.
   */
  static OperationRow fromPrefetch(ResultSet rs) throws SQLException {
    return new OperationRow(rs.getString(2), OperationKind.valueOf(rs.getString(3)), rs.getString(4),
        rs.getString(5), rs.getLong(6));
  }
}
