package io.crewexport.runner.faults;

import com.google.inject.Module;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/** Packs a Guice module of the test classes into a plugin jar, as a plugin author would. */
final class PluginJars {
  private PluginJars() {}

  /** Writes {@code folder}/faulty-sink.jar holding {@link FaultySinkModule}; returns the folder. */
  static Path faultySink(Path folder) throws IOException, URISyntaxException {
    return plugin(folder, "faulty-sink.jar", FaultySinkModule.class);
  }

  /** Writes {@code folder}/full-disk.jar holding {@link FullDiskSinkModule}; returns the folder. */
  static Path fullDisk(Path folder) throws IOException, URISyntaxException {
    return plugin(folder, "full-disk.jar", FullDiskSinkModule.class);
  }

  /** Packs {@code module} and its nested classes into {@code folder}/{@code jarName}. */
  private static Path plugin(Path folder, String jarName, Class<? extends Module> module)
      throws IOException, URISyntaxException {
    Path classes = Path.of(module.getProtectionDomain().getCodeSource().getLocation().toURI());
    String packagePath = module.getPackageName().replace('.', '/');
    List<Path> files;
    try (Stream<Path> list = Files.list(classes.resolve(packagePath))) {
      files =
          list.filter(p -> p.getFileName().toString().startsWith(module.getSimpleName())).toList();
    }
    Files.createDirectories(folder);
    try (OutputStream file = Files.newOutputStream(folder.resolve(jarName));
        JarOutputStream jar = new JarOutputStream(file)) {
      for (Path classFile : files) {
        jar.putNextEntry(new JarEntry(packagePath + "/" + classFile.getFileName()));
        jar.write(Files.readAllBytes(classFile));
      }
      jar.putNextEntry(new JarEntry("META-INF/services/com.google.inject.Module"));
      jar.write((module.getName() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return folder;
  }
}
