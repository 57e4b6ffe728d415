package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.local.LocalPlatform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spark-k8s down --local}: stops every process of the local platform. */
@Command(name = "down",
    description = "Stop the local platform: every process and its executors, and its Prometheus server, gracefully, "
        + "then forcibly after 15 s.")
public class DownCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  LocalRunOption run;

  @Override
  public Integer call() {
    int stopped = LocalPlatform.down(run.runDir);
    terminal.out().println(stopped == 0 ? "nothing was running" : "stopped " + stopped + " processes");
    return ExitCode.OK.status();
  }
}
