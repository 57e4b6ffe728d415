package dev.sparkk8s.jobs.state;

import dev.sparkk8s.jobs.model.JobState;
import dev.sparkk8s.jobs.model.JobStatus;

/**
 * A Standalone driver's state as the master reports it ({@code org.apache.spark.deploy.master.DriverState}, the
 * same in 3.5 and 4.1) in the common set: a driver that exited non-zero is FAILED, one that could not be started
 * (ERROR) too; one being relaunched on another worker ({@code --supervise}) is waiting for it again.
 */
public final class StandaloneDriverState {

  private StandaloneDriverState() {
  }

  public static JobStatus of(String state) {
    JobState common = switch (state) {
      case "SUBMITTED", "RELAUNCHING" -> JobState.SUBMITTED;
      case "RUNNING" -> JobState.RUNNING;
      case "FINISHED" -> JobState.SUCCEEDED;
      case "FAILED", "ERROR" -> JobState.FAILED;
      case "KILLED" -> JobState.KILLED;
      default -> JobState.UNKNOWN;
    };
    return JobStatus.of(common, state);
  }
}
