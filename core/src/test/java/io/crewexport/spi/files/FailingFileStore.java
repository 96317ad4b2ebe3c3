package io.crewexport.spi.files;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Predicate;

/**
 * A local file store that throws, once, when a rename or delete matches: an {@link IOException} for
 * a failure the protocol handles, or {@link Killed} for a process that dies on the spot.
 */
final class FailingFileStore implements FileStore {
  /** Stands for the process being killed: nothing after it runs, no cleanup included. */
  static final class Killed extends Error {
    private static final long serialVersionUID = 1L;

    Killed() {
      super("killed");
    }
  }

  private final LocalFileStore local = new LocalFileStore();
  private Predicate<String> failingRename = path -> false;
  private Predicate<String> failingDelete = path -> false;
  private Throwable failure;
  private boolean publishesOnClose;

  /** Makes the store say it publishes on close, as an object store does. */
  FailingFileStore publishingOnClose() {
    this.publishesOnClose = true;
    return this;
  }

  @Override
  public boolean publishesOnClose() {
    return publishesOnClose;
  }

  /** Fails the first rename whose source matches. */
  FailingFileStore failRename(Predicate<String> from, Throwable failure) {
    this.failingRename = from;
    this.failure = failure;
    return this;
  }

  /** Fails the first delete whose path matches. */
  FailingFileStore failDelete(Predicate<String> path, Throwable failure) {
    this.failingDelete = path;
    this.failure = failure;
    return this;
  }

  @Override
  public OutputStream create(String path) throws IOException {
    return local.create(path);
  }

  @Override
  public void sync(OutputStream out) throws IOException {
    local.sync(out);
  }

  @Override
  public List<String> listTree(String folder) throws IOException {
    return local.listTree(folder);
  }

  @Override
  public void rename(String from, String to) throws IOException {
    if (failingRename.test(from)) {
      failingRename = path -> false;
      fail();
    }
    local.rename(from, to);
  }

  @Override
  public void delete(String path) throws IOException {
    if (failingDelete.test(path)) {
      failingDelete = any -> false;
      fail();
    }
    local.delete(path);
  }

  @Override
  public void deleteEmptyFolder(String folder) throws IOException {
    local.deleteEmptyFolder(folder);
  }

  private void fail() throws IOException {
    if (failure instanceof IOException e) {
      throw e;
    }
    throw (Error) failure;
  }
}
