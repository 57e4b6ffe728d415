package dev.sparkk8s.jobs.local;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.jobs.model.Job;
import dev.sparkk8s.jobs.ops.JobGlob;
import dev.sparkk8s.jobs.ops.SparkClassRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops jobs of the local platform through its master, as Spark's own Standalone client does
 * ({@code org.apache.spark.deploy.Client kill <master> <driver-id>}, the legacy gateway; {@code spark-submit --kill}
 * needs the REST server, which is off): the master tells the driver's worker, which sends the driver SIGTERM and,
 * after the worker's {@code spark.worker.driverTerminateTimeout} (10 s), SIGKILL. The driver ends KILLED.
 */
public final class StandaloneDriverKiller {

  private static final String CLIENT = "org.apache.spark.deploy.Client";

  private final LocalPlatformJobs jobs;

  public StandaloneDriverKiller(LocalPlatformJobs jobs) {
    this.jobs = jobs;
  }

  /** Kills every job the id or glob names that has not ended; one line for each job named. Exit code 2 when none. */
  public List<String> kill(JobGlob glob) {
    List<String> lines = new ArrayList<>();
    for (Job job : jobs.matching(glob)) {
      if (job.status().state().ended()) {
        lines.add(job.id() + " has already ended: " + job.status().state());
      } else {
        kill(job);
        lines.add("killed " + job.id());
      }
    }
    return lines;
  }

  private void kill(Job job) {
    String driver = jobs.driverId(job.id());
    LocalSparkClient client = new LocalSparkClient(jobs.platform(), jobs.profile());
    Path dir = dir(driver);
    List<String> args = new ArrayList<>(client.submitArgs(client.writeConf(dir)));
    // Spark's client itself runs here (client deploy mode), the profile's configuration as its system properties.
    args.addAll(List.of("--deploy-mode", "client", "--class", CLIENT, "spark-internal", "kill",
        jobs.platform().state().masterUrl(), driver));
    Path log = dir.resolve("kill.log");
    int exit = SparkClassRun.run(jobs.platform().home(), args, client.env(), log, "killing " + job.id());
    if (exit != 0) {
      throw new SparkK8sException(ExitCode.CHECK_FAILED, "killing " + job.id() + " (" + driver + ") failed (exit code "
          + exit + "): " + SparkClassRun.firstError(log) + " (its log: " + log + ")");
    }
  }

  private Path dir(String driver) {
    try {
      return Files.createDirectories(jobs.platform().state().runDir().resolve("jobs").resolve("kills").resolve(driver));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
