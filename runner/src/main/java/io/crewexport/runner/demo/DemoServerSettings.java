package io.crewexport.runner.demo;

import java.net.InetAddress;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a {@link DemoServer} was built with, frozen; reports keep the order they were added.
 */
record DemoServerSettings(
    ClientCredentials credentials,
    Map<String, DemoReport> reports,
    DemoTimings timings,
    Clock clock,
    InetAddress bindAddress,
    int port) {

  DemoServerSettings {
    reports = Collections.unmodifiableMap(new LinkedHashMap<>(reports));
  }
}
