package io.crewexport.runner.wiring;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds plugin jars: the folder given with {@code --plugins}, else {@code plugins/} beside
 * crewexport.jar ({@code java -jar} ignores {@code -cp}, so a folder is how users add sinks).
 */
public final class PluginLoader {
  private static final Logger log = LoggerFactory.getLogger(PluginLoader.class);

  private PluginLoader() {}

  /** A class loader over the plugin jars, or {@code parent} itself when there are none. */
  public static ClassLoader load(Optional<Path> folder, ClassLoader parent) {
    Optional<Path> chosen = folder.or(PluginLoader::besideJar);
    if (chosen.isEmpty() || !Files.isDirectory(chosen.get())) {
      if (folder.isPresent()) {
        throw new CrewexportException(
            ErrorCode.CONFIGURATION,
            "The plugins folder " + folder.get() + " does not exist: create it, or fix --plugins.");
      }
      return parent;
    }
    List<URL> jars = jars(chosen.get());
    if (jars.isEmpty()) {
      return parent;
    }
    log.info("Loading plugins: {}", jars);
    return new URLClassLoader(jars.toArray(URL[]::new), parent);
  }

  /** The value of {@code --plugins} in {@code args}, read before picocli builds the commands. */
  public static Optional<Path> folderIn(String[] args, String option) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals(option) && i + 1 < args.length) {
        return Optional.of(Path.of(args[i + 1]));
      }
      if (args[i].startsWith(option + "=")) {
        return Optional.of(Path.of(args[i].substring(option.length() + 1)));
      }
    }
    return Optional.empty();
  }

  private static List<URL> jars(Path folder) {
    List<URL> urls = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
        urls.add(jar.toUri().toURL());
      }
    } catch (IOException e) {
      throw new CrewexportException(
          ErrorCode.CONFIGURATION, "Cannot read the plugins folder " + folder + ": " + e, e);
    }
    return urls;
  }

  private static Optional<Path> besideJar() {
    try {
      Path location =
          Path.of(PluginLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return location.toString().endsWith(".jar")
          ? Optional.of(location.resolveSibling("plugins"))
          : Optional.empty();
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      return Optional.empty();
    }
  }
}
