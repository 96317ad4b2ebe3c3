package io.crewexport.runner.faults;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One account of the fault server: its credentials, the vendor's token rule (a new token
 * invalidates the ones before it), the report generation it serves, and its script of faults:
 * replies queued for the next requests, then one reply for every request after.
 */
final class FaultAccount {
  private static final SecureRandom RANDOM = new SecureRandom();

  final String name;
  final String secret;
  private final Queue<Reply> downloads = new ConcurrentLinkedQueue<>();
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final List<String> issued = new CopyOnWriteArrayList<>();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final AtomicInteger downloadRequests = new AtomicInteger();
  private final AtomicInteger polls = new AtomicInteger();
  private volatile Reply downloadDefault = Reply.data();
  private volatile Reply tokenDefault;
  private volatile int generation = 1;
  private volatile int rivalTokenAt = -1;
  private volatile int revokeAt = -1;
  private volatile boolean revoked;
  private volatile String validToken;

  FaultAccount(String name) {
    this.name = name;
    this.secret = "secret-" + name + "-" + hex(12);
  }

  /** Serves the report of {@code generation} from now on. */
  FaultAccount generation(int next) {
    generation = next;
    return this;
  }

  int generation() {
    return generation;
  }

  /** Answers the next download requests with {@code replies}, one each, in order. */
  FaultAccount nextDownloads(Reply... replies) {
    downloads.addAll(List.of(replies));
    return this;
  }

  /** Answers every download request not answered by a queued reply with {@code reply}. */
  FaultAccount everyDownload(Reply reply) {
    downloadDefault = reply;
    return this;
  }

  /** Answers every token request with {@code reply} instead of a token; null for tokens. */
  FaultAccount everyTokenRequest(Reply reply) {
    tokenDefault = reply;
    return this;
  }

  /**
   * When the {@code n}-th download request from now arrives, someone else takes a token with the
   * same credentials, which invalidates the one the exports use.
   */
  FaultAccount rivalTokenAtDownload(int n) {
    rivalTokenAt = downloadRequests.get() + n;
    return this;
  }

  /** From the {@code n}-th download request from now on, tokens and credentials are refused. */
  FaultAccount revokeCredentialsAtDownload(int n) {
    revokeAt = downloadRequests.get() + n;
    return this;
  }

  /** Back to a healthy account serving {@code generation}, counters kept. */
  FaultAccount heal(int nextGeneration) {
    downloads.clear();
    downloadDefault = Reply.data();
    tokenDefault = null;
    rivalTokenAt = -1;
    revokeAt = -1;
    revoked = false;
    generation = nextGeneration;
    return this;
  }

  int tokenRequests() {
    return tokenRequests.get();
  }

  int downloadRequests() {
    return downloadRequests.get();
  }

  int polls() {
    return polls.get();
  }

  /** Every token handed out, to the exports or to a rival. */
  List<String> issuedTokens() {
    return List.copyOf(issued);
  }

  void token(Exchange exchange) throws IOException {
    tokenRequests.incrementAndGet();
    Reply fault = tokenDefault;
    if (fault != null) {
      fault.send(exchange);
      return;
    }
    String body = exchange.request.text();
    if (revoked || !body.contains("\"" + name + "\"") || !body.contains("\"" + secret + "\"")) {
      exchange.error(401, "Invalid client credentials", Map.of());
      return;
    }
    exchange.json(
        200,
        "{\"access_token\":\"" + issue() + "\",\"token_type\":\"Bearer\",\"expires_in\":1800}");
  }

  void download(Exchange exchange) throws IOException {
    if ("GET".equals(exchange.request.method())) {
      poll(exchange);
      return;
    }
    int n = downloadRequests.incrementAndGet();
    if (n == rivalTokenAt) {
      issue();
    }
    if (revokeAt > 0 && n >= revokeAt) {
      revoked = true;
      validToken = null;
    }
    if (!authorized(exchange)) {
      return;
    }
    Reply reply = downloads.poll();
    (reply != null ? reply : downloadDefault).send(exchange);
  }

  /** Registers a job whose polls answer "pending" {@code pendingPolls} times, then {@code then}. */
  String startJob(int pendingPolls, Reply then) {
    return startJob(hex(16), pendingPolls, then);
  }

  /** As above, under job id {@code id}. */
  String startJob(String id, int pendingPolls, Reply then) {
    jobs.put(id, new Job(new AtomicInteger(pendingPolls), then));
    return id;
  }

  private void poll(Exchange exchange) throws IOException {
    polls.incrementAndGet();
    if (!authorized(exchange)) {
      return;
    }
    Job job = exchange.request.queryParameter("jobId").map(jobs::get).orElse(null);
    if (job == null) {
      exchange.error(400, "Invalid data received", Map.of());
    } else if (job.pending.getAndDecrement() > 0) {
      String id = exchange.request.queryParameter("jobId").orElseThrow();
      exchange.json(200, "{\"success\":\"true\",\"jobId\":\"" + id + "\"}");
    } else {
      job.then.send(exchange);
    }
  }

  private boolean authorized(Exchange exchange) throws IOException {
    String token = validToken;
    if (token != null && exchange.request.bearer().filter(token::equals).isPresent()) {
      return true;
    }
    exchange.error(401, "Invalid or expired token", Map.of());
    return false;
  }

  private synchronized String issue() {
    String token = "tok-" + name + "-" + hex(16);
    issued.add(token);
    validToken = token;
    return token;
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  private record Job(AtomicInteger pending, Reply then) {}
}
