package io.crewexport.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An opt-in folder where processes using the same credentials share their access token, so that
 * scheduled runs that overlap cooperate: one asks Crewmojo for a token, the others read it, instead
 * of each new token knocking out the others' (the vendor invalidates every earlier token).
 *
 * <p>Each set of credentials has one file, named by a hash of the base URL and client id (never of
 * the secret, which is never written). The file is readable by its owner only (POSIX mode 600) and
 * every read and write happens under an exclusive file lock. It needs a POSIX file system.
 *
 * <pre>{@code
 * SharedTokenCache cache = SharedTokenCache.in(Path.of(System.getProperty("user.home"), ".cache",
 *     "crewexport"));
 * TokenProvider tokens = ClientCredentialsTokenProvider.create(settings, clientId, secret,
 *     Clock.systemUTC(), Sleeper.SYSTEM, cache);
 * }</pre>
 */
public final class SharedTokenCache {
  private static final Logger log = LoggerFactory.getLogger(SharedTokenCache.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  /** File locks are held per process, so threads of this process queue here first. */
  private static final ConcurrentMap<Path, ReentrantLock> PROCESS_LOCKS = new ConcurrentHashMap<>();

  private final Path folder;

  private SharedTokenCache(Path folder) {
    this.folder = folder;
  }

  /** A cache keeping its files in {@code folder}, created (mode 700) if absent. */
  public static SharedTokenCache in(Path folder) {
    return new SharedTokenCache(requireNonNull(folder, "folder").toAbsolutePath().normalize());
  }

  /** The file holding the token of {@code clientId} at {@code settings}' base URL. */
  public Path fileFor(ClientSettings settings, String clientId) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = sha.digest((settings.baseUrlText() + "\n" + clientId).getBytes(UTF_8));
      return folder.resolve("token-" + HexFormat.of().formatHex(digest, 0, 16) + ".json");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** A token as the cache holds it. */
  record Entry(Secret token, Instant expiresAt) {}

  /**
   * Under the file's lock: returns the cached token if {@code usable} accepts it; otherwise gets
   * one from {@code fetch}, writes it to the file and returns it.
   */
  Entry exchange(Path file, Predicate<Entry> usable, Supplier<Entry> fetch) {
    ReentrantLock processLock = PROCESS_LOCKS.computeIfAbsent(file, key -> new ReentrantLock());
    processLock.lock();
    try (FileChannel channel = open(file);
        FileLock lock = channel.lock()) {
      Optional<Entry> cached = read(channel, file);
      if (cached.isPresent() && usable.test(cached.get())) {
        log.info("Using the access token shared in {}", file);
        return cached.get();
      }
      Entry fresh = fetch.get();
      write(channel, fresh);
      return fresh;
    } catch (IOException | UnsupportedOperationException e) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          "Cannot use the shared token cache "
              + file
              + ": "
              + e
              + ". It needs a writable folder on a POSIX file system; turn the cache off or point"
              + " it at another folder.",
          e);
    } finally {
      processLock.unlock();
    }
  }

  private FileChannel open(Path file) throws IOException {
    Files.createDirectories(
        folder,
        PosixFilePermissions.asFileAttribute(
            EnumSet.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE)));
    FileChannel channel =
        FileChannel.open(
            file,
            EnumSet.of(READ, WRITE, CREATE),
            PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    Set<PosixFilePermission> actual = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY.containsAll(actual)) {
      channel.close();
      throw new CrewexportException(
          ErrorCode.CONFIGURATION,
          "The shared token cache "
              + file
              + " can be read by other users ("
              + PosixFilePermissions.toString(actual)
              + "): delete it, or make it private with chmod 600.");
    }
    return channel;
  }

  private static Optional<Entry> read(FileChannel channel, Path file) throws IOException {
    long size = channel.size();
    if (size == 0 || size > 64 * 1024) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.allocate((int) size);
    while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) >= 0) {
      // Reads until the buffer is full.
    }
    try {
      JsonNode node = JSON.readTree(buffer.array());
      return Optional.of(
          new Entry(
              Secret.of(node.path("token").asText()),
              Instant.parse(node.path("expiresAt").asText())));
    } catch (IOException | RuntimeException e) {
      // A run killed while writing leaves a torn file: fetching a new token mends it.
      log.warn("Ignoring the unreadable shared token cache {}", file);
      return Optional.empty();
    }
  }

  private static void write(FileChannel channel, Entry entry) throws IOException {
    ObjectNode node = JSON.createObjectNode();
    node.put("token", entry.token().reveal());
    node.put("expiresAt", entry.expiresAt().toString());
    ByteBuffer bytes = ByteBuffer.wrap(JSON.writeValueAsBytes(node));
    channel.truncate(0);
    while (bytes.hasRemaining()) {
      channel.write(bytes, bytes.position());
    }
    channel.force(true);
  }
}
