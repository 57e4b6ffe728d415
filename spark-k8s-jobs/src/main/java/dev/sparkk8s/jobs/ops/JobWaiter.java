package dev.sparkk8s.jobs.ops;

import dev.sparkk8s.common.Poll;
import dev.sparkk8s.jobs.model.Job;
import dev.sparkk8s.jobs.model.JobState;
import dev.sparkk8s.jobs.model.JobStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** Follows a job's state until it ends, reporting each change. */
public final class JobWaiter {

  private final JobListing catalog;
  private final Duration interval;

  public JobWaiter(JobListing catalog, Duration interval) {
    this.catalog = catalog;
    this.interval = interval;
  }

  /** The job as it ended, or as it was when the time ran out. */
  public Job await(String id, Duration timeout, Consumer<Job> changes) {
    JobState[] last = {null};
    Job[] seen = {null};
    Optional<Job> ended = Poll.every(interval, timeout).until(() -> {
      Job job = catalog.list().stream().filter(j -> j.id().equals(id)).findFirst().orElse(null);
      if (job == null) {
        // A job that is gone was deleted: its driver pod or application no longer exists.
        return seen[0] == null ? Optional.empty() : Optional.of(new Job(id, seen[0].kind(),
            JobStatus.of(JobState.KILLED, "Deleted"), seen[0].created()));
      }
      seen[0] = job;
      if (job.status().state() != last[0]) {
        last[0] = job.status().state();
        changes.accept(job);
      }
      return job.status().state().ended() ? Optional.of(job) : Optional.empty();
    });
    return ended.orElseGet(() -> seen[0] == null ? catalog.get(id) : seen[0]);
  }
}
