package io.crewexport.spi.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/** A {@link FileStore} on the local file system, through {@code java.nio.file}. */
public final class LocalFileStore implements FileStore {

  @Override
  public OutputStream create(String path) throws IOException {
    Path file = Path.of(path);
    Files.createDirectories(file.toAbsolutePath().getParent());
    return new EagerSyncFile(file.toFile());
  }

  @Override
  public void sync(OutputStream out) throws IOException {
    if (!(out instanceof EagerSyncFile file)) {
      throw new IllegalArgumentException("not a stream this store created: " + out);
    }
    file.sync();
  }

  @Override
  public List<String> listTree(String folder) throws IOException {
    Path root = Path.of(folder);
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    List<String> files = new ArrayList<>();
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            if (attributes.isRegularFile()) {
              files.add(
                  root.relativize(file)
                      .toString()
                      .replace(root.getFileSystem().getSeparator(), "/"));
            }
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            // Another export of the same run may publish (rename away) its staging file while
            // this one lists: a file gone meanwhile is simply not there.
            if (e instanceof NoSuchFileException) {
              return FileVisitResult.CONTINUE;
            }
            throw e;
          }
        });
    files.sort(null);
    return files;
  }

  @Override
  public void rename(String from, String to) throws IOException {
    Path target = Path.of(to);
    if (Files.exists(target)) {
      throw new IOException("cannot rename " + from + ": " + to + " exists");
    }
    Files.move(Path.of(from), target, StandardCopyOption.ATOMIC_MOVE);
  }

  @Override
  public void delete(String path) throws IOException {
    try {
      Files.deleteIfExists(Path.of(path));
    } catch (NoSuchFileException e) {
      // Already gone: what we wanted.
    }
  }

  @Override
  public void deleteEmptyFolder(String folder) throws IOException {
    Path path = Path.of(folder);
    if (!Files.isDirectory(path)) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (DirectoryNotEmptyException e) {
      // Still holds files: it stays.
    }
  }
}
