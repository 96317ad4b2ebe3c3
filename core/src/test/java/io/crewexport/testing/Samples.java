package io.crewexport.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The vendor's sample report, as shipped in core's resources. */
public final class Samples {
  public static final String VENDOR_SAMPLE = "/io/crewexport/samples/vendor-sample.csv";

  private Samples() {}

  /** The sample's bytes. */
  public static byte[] vendorSample() {
    try (InputStream in = Samples.class.getResourceAsStream(VENDOR_SAMPLE)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sample copied to {@code folder}. */
  public static Path vendorSampleFile(Path folder) {
    try {
      return Files.write(folder.resolve("vendor-sample.csv"), vendorSample());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
