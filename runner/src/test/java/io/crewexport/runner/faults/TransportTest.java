package io.crewexport.runner.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.crewexport.runner.cli.ExitCode;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plain {@code http://} to a host other than this machine is refused before any connection: a proxy
 * selector that records every connection the JVM attempts (and would send it to a closed loopback
 * port) sees none, so no traffic could leave the machine even if the check regressed.
 */
final class TransportTest {
  @TempDir Path folder;

  @Test
  void refusesPlainHttpToAnotherHostWithoutConnecting() throws Exception {
    List<URI> attempts = new CopyOnWriteArrayList<>();
    ProxySelector original = ProxySelector.getDefault();
    ProxySelector.setDefault(
        new ProxySelector() {
          @Override
          public List<Proxy> select(URI uri) {
            attempts.add(uri);
            return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", 9)));
          }

          @Override
          public void connectFailed(URI uri, SocketAddress address, IOException e) {}
        });
    try {
      for (String url :
          List.of(
              "http://api.crewmojo.com",
              "http://127.0.0.1.nip.io",
              "http://localhost.example.com",
              "http://10.1.2.3")) {
        BatchYaml yaml =
            new BatchYaml(folder.resolve("lake"))
                .account("remote", url, "not-sent", null)
                .report("remote", "people.report", "none", null);
        assertThat(new InProcess(folder).export(yaml)).as(url).isEqualTo(ExitCode.USAGE);
      }
    } finally {
      ProxySelector.setDefault(original);
    }
    assertThat(attempts).isEmpty();
  }
}
