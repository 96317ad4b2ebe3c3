package io.crewexport.sink.csv;

import de.siegmar.fastcsv.reader.CsvCallbackHandler;
import de.siegmar.fastcsv.reader.RecordType;
import io.crewexport.schema.ReportSchema;
import io.crewexport.spi.Row;
import java.time.LocalDate;

/**
 * Reads the records of a CSV file this sink wrote as rows typed by its schema: an empty unquoted
 * field is null, a quoted empty one the empty text, as {@link CsvFile} writes them. The header
 * record comes out as a row of texts.
 */
final class TypedRecords extends CsvCallbackHandler<Row> {
  private final ReportSchema schema;
  private boolean header = true;
  private Object[] values;
  private int count;

  TypedRecords(ReportSchema schema) {
    this.schema = schema;
  }

  @Override
  protected RecordType getRecordType() {
    return RecordType.DATA;
  }

  @Override
  protected int getFieldCount() {
    return count;
  }

  @Override
  protected void beginRecord(long startingLineNumber) {
    values = new Object[schema.size()];
    count = 0;
  }

  @Override
  protected void addField(char[] buffer, int offset, int length, boolean quoted) {
    if (count >= values.length) {
      throw new IllegalArgumentException(
          "a record has more fields than the " + values.length + " columns its sidecar names");
    }
    String text = new String(buffer, offset, length);
    values[count] = header ? text : value(text, quoted, count);
    count++;
  }

  @Override
  protected void setComment(char[] buffer, int offset, int length) {
    throw new IllegalArgumentException("comment lines are off: this cannot happen");
  }

  @Override
  protected void setEmpty() {
    // A blank line is a row whose only field is null, in a one-column report.
  }

  @Override
  protected Row buildRecord() {
    header = false;
    return Row.wrap(values);
  }

  private Object value(String text, boolean quoted, int column) {
    if (text.isEmpty() && !quoted) {
      return null;
    }
    return switch (schema.column(column).type()) {
      case TEXT -> text;
      case BIGINT -> Long.parseLong(text);
      case DOUBLE -> Double.parseDouble(text);
      case BOOLEAN -> parseBoolean(text);
      case DATE -> LocalDate.parse(text);
    };
  }

  private static Boolean parseBoolean(String text) {
    if (text.equals("true") || text.equals("false")) {
      return Boolean.valueOf(text);
    }
    throw new IllegalArgumentException("not a boolean: " + text);
  }
}
