package io.crewexport.runner.demo;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The jobs still alive, by id; expired jobs are dropped as new ones arrive. */
final class JobRegistry {
  private final Map<String, DemoJob> jobs = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /** Records a job for {@code report}, requested at {@code requestedAt}. */
  DemoJob start(DemoReport report, DownloadRequest request, Instant requestedAt, Duration expiry) {
    jobs.values().removeIf(job -> job.isExpired(requestedAt));
    DemoJob job =
        new DemoJob(
            newId(),
            report.id(),
            request,
            requestedAt.plus(report.generationTime()),
            requestedAt.plus(expiry));
    jobs.put(job.id(), job);
    return job;
  }

  /** The live job with this id for this report, if there is one at {@code now}. */
  Optional<DemoJob> find(String reportId, String jobId, Instant now) {
    return Optional.ofNullable(jobs.get(jobId))
        .filter(job -> job.reportId().equals(reportId))
        .filter(job -> !job.isExpired(now));
  }

  private String newId() {
    byte[] raw = new byte[16];
    random.nextBytes(raw);
    return HexFormat.of().formatHex(raw);
  }
}
