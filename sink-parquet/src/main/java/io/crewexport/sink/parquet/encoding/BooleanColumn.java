package io.crewexport.sink.parquet.encoding;

import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;

/**
 * A column of booleans, plain-encoded as Parquet defines it for them: one bit per present value,
 * least significant bit first, the last byte padded with zeros. parquet-java gives booleans no
 * dictionary in V1 files, nor does this.
 */
final class BooleanColumn extends ColumnEncoder {
  private byte[] bits = new byte[256];
  private int count;
  private boolean sawFalse;
  private boolean sawTrue;

  BooleanColumn(ColumnDescriptor column) {
    super(column);
  }

  void write(boolean value) {
    level(PRESENT);
    int index = count >>> 3;
    if (index == bits.length) {
      bits = Arrays.copyOf(bits, index * 2);
    }
    if (value) {
      bits[index] |= (byte) (1 << (count & 7));
      sawTrue = true;
    } else {
      sawFalse = true;
    }
    count++;
  }

  @Override
  void startChunkValues() {}

  @Override
  void clearPageValues() {
    Arrays.fill(bits, 0, bytes(), (byte) 0);
    count = 0;
    sawFalse = false;
    sawTrue = false;
  }

  @Override
  long valuesBufferedSize() {
    return bytes();
  }

  @Override
  Encoding writeValues(PageBuffer page) {
    page.write(bits, 0, bytes());
    return Encoding.PLAIN;
  }

  @Override
  void addMinMax(Statistics<?> statistics) {
    if (sawFalse) {
      statistics.updateStats(false);
    }
    if (sawTrue) {
      statistics.updateStats(true);
    }
  }

  private int bytes() {
    return (count + 7) >>> 3;
  }
}
