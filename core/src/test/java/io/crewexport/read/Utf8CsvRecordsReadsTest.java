package io.crewexport.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the parser reads its input: small steps over the body's first bytes, large ones after. */
final class Utf8CsvRecordsReadsTest {
  private static final String ROW = "Ada Moreno,\"Berlin, DE\",20240131,85\n";

  @Test
  void readsTheFirstBytesInSmallStepsAndTheRestInLargeOnes() throws IOException {
    int rows = (int) (2 * Utf8CsvRecords.EARLY_BYTES / ROW.length());
    RecordingStream in = new RecordingStream(ROW.repeat(rows).getBytes(UTF_8));

    assertThat(readAll(in)).isEqualTo(rows);

    List<long[]> early = in.reads.stream().filter(r -> r[0] < Utf8CsvRecords.EARLY_BYTES).toList();
    List<long[]> late =
        in.reads.stream().filter(r -> r[0] >= Utf8CsvRecords.EARLY_BYTES + (1 << 20)).toList();
    assertThat(early).isNotEmpty().allSatisfy(r -> assertThat(r[1]).isLessThanOrEqualTo(2048));
    assertThat(late).isNotEmpty().allSatisfy(r -> assertThat(r[1]).isGreaterThan(64 * 1024));
  }

  @Test
  void readsALongRecordAmongTheFirstBytesInDoublingSteps() throws IOException {
    String cell = "x".repeat(1 << 20);
    RecordingStream in = new RecordingStream((ROW + cell + ",1,2,3\n" + ROW).getBytes(UTF_8));

    assertThat(readAll(in)).isEqualTo(3);

    // Step by step, a 1 MiB record would take 512 reads, each scanning it again from its start.
    assertThat(in.reads).hasSizeLessThan(40);
  }

  private static int readAll(InputStream in) throws IOException {
    int records = 0;
    try (Utf8CsvRecords parser = new Utf8CsvRecords(in, 64 << 20)) {
      while (parser.next() != null) {
        records++;
      }
    }
    return records;
  }

  /** Remembers each read's offset in the body and the number of bytes it asked for. */
  private static final class RecordingStream extends ByteArrayInputStream {
    final List<long[]> reads = new ArrayList<>();
    private long offset;

    RecordingStream(byte[] body) {
      super(body);
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      reads.add(new long[] {offset, len});
      int n = super.read(b, off, len);
      offset += Math.max(n, 0);
      return n;
    }
  }
}
