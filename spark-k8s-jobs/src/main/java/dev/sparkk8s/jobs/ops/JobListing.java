package dev.sparkk8s.jobs.ops;

import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.jobs.model.Job;
import java.util.List;

/** The jobs of one place (a release on a cluster, the local platform) with their state. */
public interface JobListing {

  /** Every job, oldest first. */
  List<Job> list();

  /** Exit code 2 saying what is not there, and where it was looked for. */
  SparkK8sException unknown(String what);

  /** The job of that id; exit code 2 when there is none. */
  default Job get(String id) {
    return list().stream().filter(j -> j.id().equals(id)).findFirst().orElseThrow(() -> unknown("no job " + id));
  }

  /** The jobs an id or glob names; exit code 2 when none. */
  default List<Job> matching(JobGlob glob) {
    List<Job> found = list().stream().filter(j -> glob.matches(j.id())).toList();
    if (found.isEmpty()) {
      throw unknown(glob.isGlob() ? "no job matches " + glob.text() : "no job " + glob.text());
    }
    return found;
  }
}
