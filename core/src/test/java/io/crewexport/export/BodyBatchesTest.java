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

  /** Lets the reading thread run ahead, as it does when the writer is the slower one. */
  private static void awaitFullQueue(BodyBatches batches) throws InterruptedException {
    for (int i = 0; i < 40 && batches.waiting() < BodyBatches.DEPTH; i++) {
      Thread.sleep(5);
    }
  }
}
