package io.crewexport.client;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A WireMock listener that holds the answers of the stubs using it until a given number of requests
 * have arrived, so that many calls are in flight together when their answers come.
 */
final class Rendezvous implements ServeEventListener {
  static final String NAME = "rendezvous";

  private volatile CountDownLatch arrived = new CountDownLatch(0);

  /** Holds answers until {@code parties} requests wait together. */
  void expect(int parties) {
    arrived = new CountDownLatch(parties);
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public void beforeResponseSent(ServeEvent event, Parameters parameters) {
    CountDownLatch latch = arrived;
    latch.countDown();
    try {
      // Bounded, so a broken client fails its assertions instead of hanging the build.
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
