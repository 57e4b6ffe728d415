package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.jobs.local.DriverLogs;
import dev.sparkk8s.jobs.local.LocalPlatformJobs;
import dev.sparkk8s.jobs.ops.JobLogs;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spark-k8s jobs logs ID [-f] [--executor N]}: the driver's or an executor's log. */
@Command(name = "logs", description = {"Print a job's driver log (or an executor's), following it with -f.",
    "With --local: the driver's stderr (Spark's log) then stdout, from its worker's directory."})
public class JobsLogsCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  ClusterOptions release;

  @Mixin
  LocalRunOption run;

  @Parameters(paramLabel = "ID", description = "The job's id.")
  String id;

  @Option(names = {"-f", "--follow"}, description = "Follow the log until the container ends.")
  boolean follow;

  @Option(names = "--executor", paramLabel = "N", description = "The log of executor N (Spark's executor id).")
  Integer executor;

  @Override
  public Integer call() {
    PrintWriter out = terminal.out();
    OutputStream stream = new OutputStream() {
      @Override
      public void write(int b) {
        out.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        out.write(new String(b, off, len, StandardCharsets.UTF_8));
      }

      @Override
      public void flush() {
        out.flush();
      }
    };
    OptionalInt executorId = executor == null ? OptionalInt.empty() : OptionalInt.of(executor);
    if (run.local) {
      new DriverLogs(LocalPlatformJobs.at(run.runDir)).write(id, executorId, follow, stream);
      return ExitCode.OK.status();
    }
    ReleaseJobs.with(release, catalog -> {
      new JobLogs(catalog).write(id, executorId, follow, stream);
      return null;
    });
    return ExitCode.OK.status();
  }
}
