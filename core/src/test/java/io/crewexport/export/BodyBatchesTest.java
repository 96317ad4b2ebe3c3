package io.crewexport.export;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.read.CsvReportReader;
import io.crewexport.read.ReportReader;
import io.crewexport.schema.RowConverter;
import io.crewexport.schema.SchemaEvolution;
import io.crewexport.schema.TypeInference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reading thread converts rows only while the writer lags and the types still hold. */
final class BodyBatchesTest {
  @TempDir Path folder;

  @Test
  void convertsAheadOnlyWhileTheWriterLagsAndWhatInferenceKnowsIsUnchanged() throws Exception {
    StringBuilder body = new StringBuilder("Number,Since\n");
    for (int i = 0; i < 200_000; i++) {
      // The last rows turn Number into text: from there on, nothing may be converted ahead.
      body.append(i < 190_000 ? Integer.toString(i) : "n" + i).append(",20240131\n");
    }
    Path file = folder.resolve("body.csv");
    Files.writeString(file, body, UTF_8);

    try (ReportReader reader = new CsvReportReader(file, UTF_8, "test");
        BodyBatches batches =
            new BodyBatches(reader, new TypeInference(reader.headings()), "test", "test-read")) {
      BodyBatches.Batch first = batches.next();
      RowConverter converter = SchemaEvolution.first(first.inferred()).converter();
      batches.convertWith(converter, first.inferred());
      int converted = 0;
      boolean sawTextNumbers = false;
      int taken = 0;
      for (BodyBatches.Batch batch = first; !batch.last(); taken++) {
        if (taken < 12) {
          // Near the end the queue cannot fill: only the first batches wait for it.
          awaitFullQueue(batches);
        }
        batch = batches.next();
        if (batch.values() != null) {
          converted++;
          assertThat(batch.inferred()).isEqualTo(first.inferred());
          for (int i = 0; i < batch.rows().length; i++) {
            assertThat(batch.values()[i])
                .containsExactly(converter.convertInferred(batch.rows()[i]));
          }
        }
        if (!batch.inferred().equals(first.inferred())) {
          sawTextNumbers = true;
          assertThat(batch.values()).isNull();
        }
      }
      assertThat(converted).isPositive();
      assertThat(sawTextNumbers).isTrue();
    }
  }

  @Test
  void countsEveryRowAndInfersAsBeforeOnceOnlyInferenceReadsThem() throws Exception {
    // Three columns: a body of whole batches, one just past, and one all in the first batch.
    int batch3 = BodyBatches.BATCH_CELLS / 3;
    for (int rows : new int[] {40 * batch3, 40 * batch3 + 3, 100}) {
      StringBuilder body = new StringBuilder("Number,Since,Note\n");
      for (int i = 0; i < rows; i++) {
        // Number turns into text late, Note is text at once, Since stays a date.
        body.append(i < rows - 2 ? Integer.toString(i) : "\"n\"\"" + i + "\"")
            .append(",20240131,")
            .append(i % 3 == 0 ? "é" + i : "")
            .append('\n');
      }
      Path file = folder.resolve("body-" + rows + ".csv");
      Files.writeString(file, body, UTF_8);
      TypeInference alone = new TypeInference(List.of("Number", "Since", "Note"));
      try (ReportReader reader = new CsvReportReader(file, UTF_8, "test")) {
        for (String[] cells; (cells = reader.next()) != null; ) {
          alone.accept(cells);
        }
      }

      try (ReportReader reader = new CsvReportReader(file, UTF_8, "test");
          BodyBatches batches =
              new BodyBatches(reader, new TypeInference(reader.headings()), "test", "test-read")) {
        BodyBatches.Batch batch = batches.next();
        batches.skipUnreadText();
        // A converter as the exporter sets one; rows nobody reads must not be converted.
        batches.convertWith(SchemaEvolution.first(batch.inferred()).converter(), batch.inferred());
        long counted = batch.rows().length;
        boolean sawOnlyInferred = false;
        while (!batch.last()) {
          if (counted < rows - (BodyBatches.DEPTH + 2L) * batch3) {
            // Only while enough of the body is left for the queue to fill.
            awaitFullQueue(batches);
          }
          batch = batches.next();
          counted += batch.rows().length;
          boolean onlyInferred = batch.rows().length > 0 && batch.rows()[0] == null;
          if (onlyInferred) {
            // Batches read before the reading thread saw the switch may be converted; these not.
            assertThat(batch.values()).isNull();
            sawOnlyInferred = true;
          }
        }
        assertThat(counted).as("rows of %s", rows).isEqualTo(rows);
        // The queue holds a few batches read before the switch; the rest are read for inference.
        assertThat(sawOnlyInferred).isEqualTo(rows > 100);
        assertThat(batch.inferred()).isEqualTo(alone.result());
      }
    }
  }

  /** Lets the reading thread run ahead, as it does when the writer is the slower one. */
  private static void awaitFullQueue(BodyBatches batches) throws InterruptedException {
    for (int i = 0; i < 40 && batches.waiting() < BodyBatches.DEPTH; i++) {
      Thread.sleep(5);
    }
  }
}
