package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.jobs.local.LocalPlatformJobs;
import dev.sparkk8s.jobs.model.Job;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spark-k8s jobs list}: every job of the release and its state. */
@Command(name = "list",
    description = "List the release's jobs (with --local: the local platform's) with their state, oldest first.")
public class JobsListCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  ClusterOptions release;

  @Mixin
  LocalRunOption run;

  @Override
  public Integer call() {
    List<Job> jobs = run.local ? LocalPlatformJobs.at(run.runDir).list()
        : ReleaseJobs.with(release, catalog -> catalog.list());
    JobLines.header(terminal.out());
    jobs.forEach(job -> JobLines.print(terminal.out(), job));
    return ExitCode.OK.status();
  }
}
