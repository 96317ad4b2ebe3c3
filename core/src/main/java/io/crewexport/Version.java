package io.crewexport;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The tool's version, as built. */
public final class Version {
  private static final String CURRENT = read();

  private Version() {}

  /** The version Maven built, such as {@code 0.1.0}; {@code dev} if the build left none. */
  public static String current() {
    return CURRENT;
  }

  /** The {@code User-Agent} sent to Crewmojo: the tool, its version and the Java version. */
  public static String userAgent() {
    return "crewexport/" + current() + " (Java " + Runtime.version().feature() + ")";
  }

  private static String read() {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        Properties properties = new Properties();
        properties.load(in);
        String version = properties.getProperty("version", "");
        if (!version.isBlank() && !version.startsWith("${")) {
          return version.strip();
        }
      }
    } catch (IOException e) {
      // Falls back to the manifest below.
    }
    String packaged = Version.class.getPackage().getImplementationVersion();
    return packaged == null ? "dev" : packaged;
  }
}
