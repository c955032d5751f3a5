package dev.fragkit.greatshot.demo.internal;

/**
 * A rule broken inside one message body, at a bit position; the reader adds the record context and
 * rethrows it as a public exception. Immutable.
 */
final class MessageFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  final int bitPosition;
  /** Non-null for a limit breach: the ParserLimits setting. */
  final String setting;
  final long limit;
  final long actual;

  MessageFormatException(String rule, int bitPosition) {
    super(rule, null, false, false);
    this.bitPosition = bitPosition;
    this.setting = null;
    this.limit = 0;
    this.actual = 0;
  }

  MessageFormatException(String what, String setting, long limit, long actual, int bitPosition) {
    super(what, null, false, false);
    this.bitPosition = bitPosition;
    this.setting = setting;
    this.limit = limit;
    this.actual = actual;
  }
}
