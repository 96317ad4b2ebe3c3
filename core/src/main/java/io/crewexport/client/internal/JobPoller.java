package io.crewexport.client.internal;

import io.crewexport.CrewexportException;
import io.crewexport.ErrorCode;
import io.crewexport.ReportRequest;
import io.crewexport.client.PollingPolicy;
import io.crewexport.client.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one report through the vendor's job path, as a state machine (see {@link JobState}):
 * submit; if a job id comes back, poll it within the vendor's clocks; resubmit when the job expires
 * or the attempt passes 5 minutes; give up after the allowed attempts.
 */
public final class JobPoller {
  private static final Logger log = LoggerFactory.getLogger(JobPoller.class);

  /** What a poll on a job that died may plausibly answer. */
  private static final Set<Integer> MAYBE_EXPIRED = Set.of(400, 404, 410);

  private final ReportApi api;
  private final AuthorizedCalls calls;
  private final PollingPolicy policy;
  private final Clock clock;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  public JobPoller(
      ReportApi api,
      AuthorizedCalls calls,
      PollingPolicy policy,
      Clock clock,
      Sleeper sleeper,
      DoubleSupplier random) {
    this.api = api;
    this.calls = calls;
    this.policy = policy;
    this.clock = clock;
    this.sleeper = sleeper;
    this.random = random;
  }

  /** The outcome of a fetch: the data and what it took. */
  public record Outcome(Answer.Data data, int attempts, int polls, List<String> jobIds) {}

  /**
   * Fetches the report.
   *
   * @throws CrewexportException {@code GAVE_UP} after the allowed attempts; the code of the failure
   *     when the vendor refused the request for good
   */
  public Outcome fetch(ReportRequest request, boolean forceJob) {
    List<String> jobIds = new ArrayList<>();
    int polls = 0;
    String lastOutcome = "";
    for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
      Attempt current = new Attempt(request, attempt, clock.instant());
      Answer answer = submit(current, forceJob);
      while (answer instanceof Answer.JobTicket ticket) {
        current.waitingOn(ticket.jobId(), jobIds);
        if (!current.sleepUntilNextPoll()) {
          current.moveTo(policy.expiryComesFirst() ? JobState.EXPIRED : JobState.ABANDONED);
          lastOutcome = "the last job was still running after " + deadlineText();
          break;
        }
        polls++;
        answer = poll(current);
      }
      if (answer instanceof Answer.Data data) {
        current.moveTo(JobState.READY);
        return new Outcome(data, attempt, polls, List.copyOf(jobIds));
      }
      if (answer instanceof Answer.Failure failure) {
        handleFailure(current, failure);
        lastOutcome =
            "the last poll was answered HTTP "
                + failure.status()
                + (failure.errorMessage().isEmpty() ? "" : " (" + failure.errorMessage() + ")");
      }
    }
    throw new CrewexportException(
        ErrorCode.GAVE_UP,
        request.describe()
            + ": the report was not ready after "
            + policy.maxAttempts()
            + " attempts of up to "
            + deadlineText()
            + " each; "
            + lastOutcome
            + " (job ids: "
            + String.join(", ", jobIds)
            + "). Crewmojo asks to be contacted when this keeps happening: send them the report id,"
            + " the period and these job ids.");
  }

  private String deadlineText() {
    Duration deadline = policy.pollingDeadline();
    return deadline.toSecondsPart() == 0
        ? deadline.toMinutes() + " minutes"
        : deadline.toSeconds() + " seconds";
  }

  private Answer submit(Attempt attempt, boolean forceJob) {
    DownloadBody body = DownloadBody.of(attempt.request, forceJob);
    return calls.call(
        attempt.request.describe(),
        token -> {
          // Said with a token in hand, as the request goes out: a refused token submits nothing.
          attempt.moveTo(JobState.SUBMITTED);
          return api.download(attempt.request.reportId(), token, body);
        });
  }

  private Answer poll(Attempt attempt) {
    log.debug("Polling job {} of {}", attempt.jobId, attempt.request.describe());
    return calls.call(
        attempt.request.describe() + " job " + attempt.jobId,
        token -> api.poll(attempt.request.reportId(), attempt.jobId, token));
  }

  private void handleFailure(Attempt attempt, Answer.Failure failure) {
    if (attempt.jobId != null && MAYBE_EXPIRED.contains(failure.status())) {
      // The vendor does not document what a poll on a dead job answers; a 400 (or a 404 or 410)
      // most likely means the job expired, so the request is made again rather than failed.
      attempt.moveTo(JobState.EXPIRED);
      return;
    }
    attempt.moveTo(JobState.FAILED);
    throw Failures.toException(attempt.request.describe(), failure);
  }

  /** One attempt: request plus polling, with its own deadline. */
  private final class Attempt {
    private final ReportRequest request;
    private final int number;
    private final Instant submittedAt;
    private final Instant deadline;
    private String jobId;
    private int polls;
    private JobState state;

    Attempt(ReportRequest request, int number, Instant submittedAt) {
      this.request = request;
      this.number = number;
      this.submittedAt = submittedAt;
      this.deadline = submittedAt.plus(policy.pollingDeadline());
    }

    void waitingOn(String id, List<String> jobIds) {
      if (!id.equals(jobId)) {
        jobId = id;
        jobIds.add(id);
      }
      moveTo(JobState.WAITING_ON_JOB);
    }

    /** Sleeps until the next poll; false if the deadline comes first. */
    boolean sleepUntilNextPoll() {
      polls++;
      Duration interval = policy.intervalBefore(polls);
      Duration jittered =
          Duration.ofMillis((long) (interval.toMillis() * (0.8 + 0.4 * random.getAsDouble())));
      Instant wakeUp = clock.instant().plus(jittered);
      if (!wakeUp.isBefore(deadline)) {
        return false;
      }
      try {
        sleeper.sleep(jittered);
      } catch (InterruptedException e) {
        throw Retrier.interrupted(request.describe(), e);
      }
      return clock.instant().isBefore(deadline);
    }

    void moveTo(JobState next) {
      // A poll that finds the job still running, or a request sent again after a transient
      // failure or a refreshed token, is the same step.
      if (next == state && (next == JobState.WAITING_ON_JOB || next == JobState.SUBMITTED)) {
        return;
      }
      state = next;
      log.info(
          "{}: {} (attempt {}{}, {} s since request)",
          request.describe(),
          next,
          number,
          jobId == null ? "" : ", job " + jobId,
          Duration.between(submittedAt, clock.instant()).toSeconds());
    }
  }
}
