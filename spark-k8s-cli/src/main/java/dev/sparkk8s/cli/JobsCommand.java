package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spark-k8s jobs}: batch applications on the release's backend. */
@Command(name = "jobs",
    description = {"Batch jobs of an installed release (spark.jobs.enabled), on its backend: driver pods "
        + "(kubernetes), Jobs (standalone) or SparkApplications (operator); with --local, the drivers of up --local's "
        + "Standalone master (cluster deploy mode).",
        "States: SUBMITTED, RUNNING, SUCCEEDED, FAILED, KILLED, UNKNOWN."},
    subcommands = {JobsSubmitCommand.class, JobsListCommand.class, JobsStatusCommand.class, JobsKillCommand.class, JobsLogsCommand.class})
public class JobsCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Override
  public Integer call() {
    terminal.problem("a jobs command is required (submit, list, status, kill, logs)");
    terminal.commandLine().usage(terminal.commandLine().getErr());
    return ExitCode.BAD_INPUT.status();
  }
}
