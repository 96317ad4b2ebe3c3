package io.crewexport.sink.parquet;

import static io.crewexport.testing.SampleReport.ROWS;
import static io.crewexport.testing.SampleReport.SCHEMA;
import static io.crewexport.testing.SampleReport.export;
import static io.crewexport.testing.SampleReport.target;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.spi.Row;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.crypto.EncryptionPropertiesFactory;
import org.apache.parquet.crypto.FileDecryptionProperties;
import org.apache.parquet.crypto.FileEncryptionProperties;
import org.apache.parquet.crypto.ParquetCryptoRuntimeException;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.InputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Parquet crypto factory named in the Hadoop settings encrypts the files, as in parquet-java. */
final class ParquetSinkEncryptionTest {
  private static final byte[] FOOTER_KEY = "0123456789abcdef".getBytes(US_ASCII);

  @TempDir Path root;

  @Test
  void encryptsWithTheCryptoFactoryOfTheHadoopSettings() throws IOException {
    Configuration conf = new Configuration();
    conf.set(
        EncryptionPropertiesFactory.CRYPTO_FACTORY_CLASS_PROPERTY_NAME, FooterKey.class.getName());

    InputFile file =
        ParquetFiles.local(export(new ParquetSink(conf), target(root, "r1"), ROWS).files().get(0));

    assertThatThrownBy(() -> ParquetFiles.footer(file))
        .isInstanceOf(ParquetCryptoRuntimeException.class);
    assertThat(decryptedRows(file)).isEqualTo(ROWS);
  }

  private static List<Row> decryptedRows(InputFile file) throws IOException {
    FileDecryptionProperties decryption =
        FileDecryptionProperties.builder().withFooterKey(FOOTER_KEY).build();
    List<Row> rows = new ArrayList<>();
    try (ParquetReader<GenericRecord> reader =
        AvroParquetReader.<GenericRecord>builder(file)
            .withDataModel(GenericData.get())
            .withDecryption(decryption)
            .build()) {
      for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
        rows.add(ParquetFiles.row(record, SCHEMA));
      }
    }
    return rows;
  }

  /** Encrypts every column and the footer with one fixed key. */
  public static final class FooterKey implements EncryptionPropertiesFactory {
    @Override
    public FileEncryptionProperties getFileEncryptionProperties(
        Configuration conf, org.apache.hadoop.fs.Path path, WriteSupport.WriteContext context) {
      return FileEncryptionProperties.builder(FOOTER_KEY).build();
    }
  }
}
