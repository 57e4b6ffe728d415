package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.jobs.local.LocalPlatformJobs;
import dev.sparkk8s.jobs.model.Job;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code spark-k8s jobs status ID}: one job's state. */
@Command(name = "status", description = "Show a job's state. Exit code 2 when the release has no such job.")
public class JobsStatusCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  ClusterOptions release;

  @Mixin
  LocalRunOption run;

  @Parameters(paramLabel = "ID", description = "The job's id (its driver pod, Job or SparkApplication name; "
      + "with --local its name, else its driver's id).")
  String id;

  @Override
  public Integer call() {
    Job job = run.local ? LocalPlatformJobs.at(run.runDir).get(id)
        : ReleaseJobs.with(release, catalog -> catalog.get(id));
    JobLines.header(terminal.out());
    JobLines.print(terminal.out(), job);
    return ExitCode.OK.status();
  }
}
