package dev.sparkk8s.jobs.model;

/** One set of states for a batch job on every backend; each backend's own state maps to one of these. */
public enum JobState {
  /** Accepted, not running yet: its driver is scheduled, pulling, or waiting for the operator. */
  SUBMITTED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  /** Stopped by a user (deleted, or being deleted with its grace period). */
  KILLED,
  /** The backend reports nothing this model knows. */
  UNKNOWN;

  /** Whether the job has ended: it will not change state again. */
  public boolean ended() {
    return this == SUCCEEDED || this == FAILED || this == KILLED;
  }
}
