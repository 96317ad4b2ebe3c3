package io.crewexport.spi.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LocalFileStoreTest {
  @TempDir Path root;

  private final LocalFileStore store = new LocalFileStore();

  @Test
  void createsParentFoldersAndSyncsItsOwnStreams() throws IOException {
    String path = root.resolve("a/b/part-1.csv").toString();

    try (OutputStream out = store.create(path)) {
      out.write(42);
      store.sync(out);
    }

    assertThat(Files.readAllBytes(Path.of(path))).containsExactly(42);
  }

  @Test
  void refusesToSyncAStreamItDidNotCreate() {
    assertThatThrownBy(() -> store.sync(new ByteArrayOutputStream()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a stream this store created");
  }

  @Test
  void listsFilesAtAnyDepthWithSlashesInOrder() throws IOException {
    Files.createDirectories(root.resolve("start_date=2024-01-01/end_date=2024-01-31"));
    Files.writeString(root.resolve("start_date=2024-01-01/end_date=2024-01-31/part-1.csv"), "1");
    Files.writeString(root.resolve(".part-2.csv.staging"), "2");
    Files.createDirectories(root.resolve("empty"));

    assertThat(store.listTree(root.toString()))
        .containsExactly(
            ".part-2.csv.staging", "start_date=2024-01-01/end_date=2024-01-31/part-1.csv");
    assertThat(store.listTree(root.resolve("missing").toString())).isEmpty();
  }

  @Test
  void deletesAFolderOnlyWhenItIsEmpty() throws IOException {
    Files.createDirectories(root.resolve("full"));
    Files.writeString(root.resolve("full/x"), "x");
    Files.createDirectories(root.resolve("empty"));

    store.deleteEmptyFolder(root.resolve("full").toString());
    store.deleteEmptyFolder(root.resolve("empty").toString());
    store.deleteEmptyFolder(root.resolve("missing").toString());

    assertThat(root.resolve("full/x")).exists();
    assertThat(root.resolve("empty")).doesNotExist();
  }
}
