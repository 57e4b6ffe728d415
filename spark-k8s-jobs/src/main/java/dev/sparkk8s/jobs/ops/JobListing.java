package dev.sparkk8s.jobs.ops;

import dev.sparkk8s.jobs.model.Job;
import java.util.List;

/** The jobs of one place (a release on a cluster, the local platform) with their state. */
public interface JobListing {

  /** Every job, oldest first. */
  List<Job> list();

  /** The job of that id; exit code 2 when there is none. */
  Job get(String id);
}
