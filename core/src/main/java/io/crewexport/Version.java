package io.crewexport;

/** The tool's version, as packaged. */
public final class Version {
  private Version() {}

  /** The version from the jar's manifest, or {@code dev} when run from classes. */
  public static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  /** The {@code User-Agent} sent to Crewmojo. */
  public static String userAgent() {
    return "crewexport/" + current() + " (Java " + Runtime.version().feature() + ")";
  }
}
