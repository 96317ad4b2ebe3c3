package io.crewexport.runner.faults;

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
    Path classes =
        Path.of(FaultySinkModule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String packagePath = FaultySinkModule.class.getPackageName().replace('.', '/');
    List<Path> files;
    try (Stream<Path> list = Files.list(classes.resolve(packagePath))) {
      files = list.filter(p -> p.getFileName().toString().startsWith("FaultySink")).toList();
    }
    Files.createDirectories(folder);
    try (OutputStream file = Files.newOutputStream(folder.resolve("faulty-sink.jar"));
        JarOutputStream jar = new JarOutputStream(file)) {
      for (Path classFile : files) {
        jar.putNextEntry(new JarEntry(packagePath + "/" + classFile.getFileName()));
        jar.write(Files.readAllBytes(classFile));
      }
      jar.putNextEntry(new JarEntry("META-INF/services/com.google.inject.Module"));
      jar.write((FaultySinkModule.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return folder;
  }
}
