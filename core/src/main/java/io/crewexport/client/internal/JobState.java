package io.crewexport.client.internal;

/** Where one attempt to fetch a report stands. */
public enum JobState {
  /** The download request was sent. */
  SUBMITTED,
  /** The vendor answered with a job id; polling. */
  WAITING_ON_JOB,
  /** The data arrived. */
  READY,
  /** The job id died (or the vendor refused a poll): the report must be requested again. */
  EXPIRED,
  /** The attempt passed the vendor's 5 minutes: abandoned, to be requested again. */
  ABANDONED,
  /** The vendor refused the request for good. */
  FAILED
}
