/**
 * An embedded, Crewmojo-compatible HTTP server for the {@code crewexport demo} command, end-to-end
 * tests and benchmarks.
 *
 * <p>It speaks the vendor's protocol (token endpoint, report download, long-running jobs and
 * polling) with the vendor's clocks scaled down by {@link io.crewexport.runner.demo.DemoTimings},
 * and serves {@link io.crewexport.runner.demo.DemoReport}s: the vendor's own sample and a generated
 * directory of people of any size.
 *
 * <pre>{@code
 * try (DemoServer server = DemoServer.showcase("demo-client", "demo-secret").build().start()) {
 *   String base = server.baseUrl(); // http://127.0.0.1:<free port>
 * }
 * }</pre>
 */
package io.crewexport.runner.demo;
