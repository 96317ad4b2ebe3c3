package io.crewexport.sink.parquet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.crewexport.testing.FileTree;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class HadoopFileStoreTest {
  @TempDir Path root;

  private HadoopFileStore store;
  private String folder;

  @BeforeEach
  void openRawLocalFileSystem() throws IOException {
    RawLocalFileSystem fileSystem = new RawLocalFileSystem();
    fileSystem.initialize(URI.create("file:///"), new Configuration());
    store = HadoopFileStore.of(fileSystem, new org.apache.hadoop.fs.Path("file:///"));
    // Created here: Hadoop logs a warning about its native library when it creates folders.
    folder =
        new org.apache.hadoop.fs.Path(Files.createDirectories(root.resolve("a/b")).toUri())
            .toString();
  }

  @Test
  void createWritesTheFileAndNoChecksumFile() throws IOException {
    write(store.join(folder, "x.parquet"), "data");

    assertThat(Files.readString(root.resolve("a/b/x.parquet"), UTF_8)).isEqualTo("data");
    assertThat(FileTree.files(root)).containsExactly(root.resolve("a/b/x.parquet"));
  }

  @Test
  void listsFilesAtAnyDepthInOrderAndNothingForAMissingFolder() throws IOException {
    write(store.join(folder, "part-2.parquet"), "2");
    write(store.join(folder, ".part-1.parquet.staging"), "1");
    write(store.join(folder, "start_date=2024-01-01/end_date=2024-01-31/part-3.parquet"), "3");
    Files.createDirectories(root.resolve("a/b/empty"));

    assertThat(store.listTree(folder))
        .containsExactly(
            ".part-1.parquet.staging",
            "part-2.parquet",
            "start_date=2024-01-01/end_date=2024-01-31/part-3.parquet");
    assertThat(store.listTree(store.join(folder, "missing"))).isEmpty();
  }

  @Test
  void deletesAFolderOnlyWhenItIsEmpty() throws IOException {
    write(store.join(folder, "full/x"), "x");
    Files.createDirectories(root.resolve("a/b/empty"));

    store.deleteEmptyFolder(store.join(folder, "full"));
    store.deleteEmptyFolder(store.join(folder, "empty"));
    store.deleteEmptyFolder(store.join(folder, "missing"));

    assertThat(root.resolve("a/b/full/x")).exists();
    assertThat(root.resolve("a/b/empty")).doesNotExist();
  }

  @Test
  void renameRefusesToReplaceAnExistingFile() throws IOException {
    write(store.join(folder, "from"), "new");
    write(store.join(folder, "to"), "old");

    assertThatThrownBy(() -> store.rename(store.join(folder, "from"), store.join(folder, "to")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("exists");
    assertThat(Files.readString(root.resolve("a/b/to"), UTF_8)).isEqualTo("old");
  }

  @Test
  void renameMovesTheFile() throws IOException {
    write(store.join(folder, "from"), "new");

    store.rename(store.join(folder, "from"), store.join(folder, "to"));

    assertThat(store.listTree(folder)).containsExactly("to");
  }

  @Test
  void deleteOfAMissingFileDoesNothing() throws IOException {
    store.delete(store.join(folder, "missing"));

    assertThat(store.listTree(folder)).isEmpty();
  }

  private void write(String path, String text) throws IOException {
    try (OutputStream out = store.create(path)) {
      out.write(text.getBytes(UTF_8));
    }
  }
}
