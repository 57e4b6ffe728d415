package dev.sparkk8s.jobs.model;

/**
 * A job's state with the backend's own words for it.
 *
 * @param state  the state in the common set
 * @param nativeState the backend's state as it wrote it ({@code Running}, {@code RunningHealthy}, {@code COMPLETED}, ...)
 * @param detail what else the backend says (an exit code, an error message); empty when nothing
 */
public record JobStatus(JobState state, String nativeState, String detail) {

  public static JobStatus of(JobState state, String nativeState) {
    return new JobStatus(state, nativeState, "");
  }

  public JobStatus withDetail(String more) {
    return new JobStatus(state, nativeState, more == null ? "" : more);
  }
}
