package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.local.LocalPlatform;
import dev.sparkk8s.local.LocalProcessStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spark-k8s status --local}: each process, its ports and its health. */
@Command(name = "status",
    description = "Show each process of the local platform, its ports and health. Exit code 1 when one is not running.")
public class StatusCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  LocalRunOption run;

  @Override
  public Integer call() {
    PrintWriter out = terminal.out();
    List<LocalProcessStatus> statuses = LocalPlatform.status(run.runDir);
    out.printf("%-16s %-9s %-8s %-40s %s%n", "PROCESS", "STATE", "PID", "PORTS", "URL");
    for (LocalProcessStatus s : statuses) {
      out.printf("%-16s %-9s %-8d %-40s %s%n", s.process().name(), s.state(), s.process().pid(),
          s.process().ports(), s.process().url() == null ? "" : s.process().url());
    }
    long unhealthy = statuses.stream().filter(s -> !s.healthy()).count();
    out.println(unhealthy == 0 ? "all " + statuses.size() + " processes running"
        : unhealthy + " of " + statuses.size() + " processes not running");
    return unhealthy == 0 ? ExitCode.OK.status() : ExitCode.CHECK_FAILED.status();
  }
}
