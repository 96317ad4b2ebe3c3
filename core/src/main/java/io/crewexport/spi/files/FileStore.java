package io.crewexport.spi.files;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * The few file operations a file sink needs, so one publishing protocol serves the local disk, HDFS
 * and S3. Paths are strings in the store's own syntax; folders are joined with {@code /}.
 */
public interface FileStore {

  /** Creates (or truncates) a file for writing, creating its parent folders. */
  OutputStream create(String path) throws IOException;

  /**
   * Makes everything written so far to {@code out}, a stream {@link #create} returned, durable: on
   * the disk or the data nodes, so a rename that publishes the file never publishes less. Called
   * before the stream is closed; does nothing on stores that make a file durable on close.
   */
  void sync(OutputStream out) throws IOException;

  /**
   * Closes {@code out}, a stream {@link #create} returned, without making what was written visible
   * where the store can: an object store aborts the upload, and the object it would have replaced
   * stays as it was. Elsewhere it just closes the stream, and the caller deletes the file.
   */
  default void abandon(OutputStream out) throws IOException {
    out.close();
  }

  /**
   * Whether a file created here stays invisible until its stream is closed, and can be {@linkplain
   * #abandon abandoned} unseen, as on object stores such as S3. Files are then written under their
   * final name, since these stores rename by copying; elsewhere they are staged under a hidden name
   * and renamed into place.
   */
  default boolean publishesOnClose() {
    return false;
  }

  /**
   * The files below {@code folder}, at any depth, as {@code /}-separated paths relative to it, in
   * order; empty if the folder is absent.
   */
  List<String> listTree(String folder) throws IOException;

  /**
   * Renames {@code from} to {@code to}, which must not exist. Atomic on local disks and HDFS; a
   * copy and delete on object stores.
   */
  void rename(String from, String to) throws IOException;

  /** Deletes a file; does nothing if it is absent. */
  void delete(String path) throws IOException;

  /** Deletes {@code folder} if it is empty; does nothing if it holds anything or is absent. */
  void deleteEmptyFolder(String folder) throws IOException;

  /** The path of {@code name} inside {@code folder}. */
  default String join(String folder, String name) {
    return folder.endsWith("/") ? folder + name : folder + "/" + name;
  }
}
