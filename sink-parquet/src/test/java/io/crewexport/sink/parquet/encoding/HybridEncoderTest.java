package io.crewexport.sink.parquet.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.DirectByteBufferAllocator;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our hybrid encoder against parquet-java's: its own decoder reads back every value, and the
 * encoder's output is the bytes parquet-java's encoder makes, which page and row-group cuts rely
 * on.
 */
final class HybridEncoderTest {
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 7, 8, 9, 13, 16, 20, 31, 32})
  void parquetJavaDecodesWhatItEncodesOnRandomRuns(int bitWidth) throws IOException {
    Random random = new Random(bitWidth);
    for (int round = 0; round < 200; round++) {
      int[] values = randomRuns(random, bitWidth, random.nextInt(3_000));

      byte[] ours = encode(values, bitWidth);

      assertThat(decode(ours, bitWidth, values.length)).as("round %d", round).isEqualTo(values);
      assertThat(ours).as("round %d", round).isEqualTo(parquetJava(values, bitWidth));
    }
  }

  @Test
  void splitsLongBitPackedRunsAt63Groups() throws IOException {
    int[] values = new int[8 * 200 + 5];
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 2;
    }

    byte[] ours = encode(values, 1);

    // 63 groups of 8 one-bit values: a header (63 << 1 | 1) and 63 bytes, four times over.
    assertThat(ours[0] & 0xFF).isEqualTo(63 << 1 | 1);
    assertThat(ours[64] & 0xFF).isEqualTo(63 << 1 | 1);
    assertThat(decode(ours, 1, values.length)).isEqualTo(values);
  }

  @Test
  void sizeCountsOnlyWhatIsWritten() {
    PageBuffer out = new PageBuffer();
    HybridEncoder encoder = new HybridEncoder(out);
    encoder.reset(1);

    encoder.write(new int[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 0, 10);
    int whileRunning = encoder.size();
    encoder.finish();

    assertThat(whileRunning).isZero();
    assertThat(out.size()).isEqualTo(2);
  }

  /** Runs of random lengths, short and long, of random values of {@code bitWidth} bits. */
  private static int[] randomRuns(Random random, int bitWidth, int count) {
    int[] values = new int[count];
    long bound = 1L << bitWidth;
    int i = 0;
    while (i < count) {
      int value = (int) (random.nextLong() & (bound - 1));
      int run = random.nextInt(4) == 0 ? 1 + random.nextInt(40) : 1 + random.nextInt(3);
      for (int end = Math.min(count, i + run); i < end; i++) {
        values[i] = value;
      }
    }
    return values;
  }

  private static byte[] encode(int[] values, int bitWidth) {
    PageBuffer out = new PageBuffer();
    HybridEncoder encoder = new HybridEncoder(out);
    encoder.reset(bitWidth);
    // In two calls, as levels are fed at each size check.
    encoder.write(values, 0, values.length / 3);
    encoder.write(values, values.length / 3, values.length);
    encoder.finish();
    byte[] bytes = new byte[out.size()];
    System.arraycopy(out.array(), 0, bytes, 0, bytes.length);
    return bytes;
  }

  private static int[] decode(byte[] bytes, int bitWidth, int count) throws IOException {
    RunLengthBitPackingHybridDecoder decoder =
        new RunLengthBitPackingHybridDecoder(
            bitWidth, ByteBufferInputStream.wrap(ByteBuffer.wrap(bytes)));
    int[] values = new int[count];
    for (int i = 0; i < count; i++) {
      values[i] = decoder.readInt();
    }
    return values;
  }

  private static byte[] parquetJava(int[] values, int bitWidth) throws IOException {
    try (RunLengthBitPackingHybridEncoder encoder =
        new RunLengthBitPackingHybridEncoder(
            bitWidth, 64, 1 << 20, new DirectByteBufferAllocator())) {
      for (int value : values) {
        encoder.writeInt(value);
      }
      return encoder.toBytes().toByteArray();
    }
  }
}
