package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.local.LocalPlatform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spark-k8s down --local}: stops every process of the local platform. */
@Command(name = "down",
    description = "Stop the local platform: every process and its executors, and its Prometheus server, gracefully, "
        + "then forcibly after 15 s; the embedded S3 server last. Its buckets stay in the run directory (s3/data) "
        + "for the next up.")
public class DownCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  LocalRunOption run;

  @Option(names = "--delete-s3-data", description = "Also delete the embedded S3 server's buckets and objects.")
  boolean deleteS3Data;

  @Override
  public Integer call() {
    int stopped = LocalPlatform.down(run.runDir, deleteS3Data);
    terminal.out().println(stopped == 0 ? "nothing was running" : "stopped " + stopped + " processes");
    return ExitCode.OK.status();
  }
}
