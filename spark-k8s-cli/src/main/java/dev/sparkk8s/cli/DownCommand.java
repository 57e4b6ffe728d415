package dev.sparkk8s.cli;

import dev.sparkk8s.local.LocalPlatform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code spark-k8s down --local}: stops every process of the local platform. */
@Command(name = "down", mixinStandardHelpOptions = true,
    description = "Stop the local platform: every process and its executors, gracefully, then forcibly after 15 s.")
public class DownCommand implements Callable<Integer> {

  @Spec
  CommandSpec spec;

  @Mixin
  LocalRunOption run;

  @Override
  public Integer call() {
    int stopped = LocalPlatform.down(run.runDir);
    spec.commandLine().getOut().println(stopped == 0 ? "nothing was running" : "stopped " + stopped + " processes");
    return ExitCodes.OK;
  }
}
