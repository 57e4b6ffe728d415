package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.jobs.local.LocalPlatformJobs;
import dev.sparkk8s.jobs.local.StandaloneDriverKiller;
import dev.sparkk8s.jobs.ops.JobGlob;
import dev.sparkk8s.jobs.ops.JobKiller;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code spark-k8s jobs kill ID|GLOB}: stops jobs with the grace period Spark uses. */
@Command(name = "kill", description = {"Stop a job, or every job a glob names (nightly-*), as spark-submit --kill "
    + "does: the driver pod is deleted with spark.kubernetes.appKillPodDeletionGracePeriod of the job profile "
    + "(spark.jobs.killGracePeriodSeconds); a SparkApplication or Job is deleted. With --local, through the "
    + "Standalone master: the driver's worker sends it SIGTERM, then SIGKILL after spark.worker.driverTerminateTimeout "
    + "(10 s).",
    "Exit code 2 when nothing matches."})
public class JobsKillCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  ClusterOptions release;

  @Mixin
  LocalRunOption run;

  @Parameters(paramLabel = "ID|GLOB", description = "A job id, or a glob of them with * and ?.")
  String pattern;

  @Override
  public Integer call() {
    if (run.local) {
      new StandaloneDriverKiller(LocalPlatformJobs.at(run.runDir)).kill(new JobGlob(pattern))
          .forEach(terminal.out()::println);
      return ExitCode.OK.status();
    }
    List<String> killed = ReleaseJobs.with(release, catalog -> new JobKiller(catalog).kill(new JobGlob(pattern)));
    killed.forEach(id -> terminal.out().println("killed " + id));
    return ExitCode.OK.status();
  }
}
