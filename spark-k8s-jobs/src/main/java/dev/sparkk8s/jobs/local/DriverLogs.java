package dev.sparkk8s.jobs.local;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.Poll;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.jobs.model.Job;
import dev.sparkk8s.render.contract.Component;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A local job's logs where its worker keeps them: the driver's {@code stderr} (Spark's log) then {@code stdout} (the
 * application's output) in {@code <worker work dir>/<driver id>/}, an executor's in
 * {@code <worker work dir>/<app id>/<executor id>/}. Following writes what each file gains until the job ends.
 */
public final class DriverLogs {

  private static final String WORK_DIR = "/opt/spark/work-dir";
  private static final List<String> FILES = List.of("stderr", "stdout");
  private static final Pattern APP_ID = Pattern.compile("app ID (app-[0-9]+-[0-9]+)");
  private static final Duration FOLLOW_POLL = Duration.ofMillis(500);

  private final LocalPlatformJobs jobs;

  public DriverLogs(LocalPlatformJobs jobs) {
    this.jobs = jobs;
  }

  public void write(String id, OptionalInt executor, boolean follow, OutputStream out) {
    Job job = jobs.get(id);
    Path driverDir = workDir(jobs.driverId(id)).orElseThrow(() -> new SparkK8sException(ExitCode.BAD_INPUT,
        "job " + id + " has no driver log (yet): " + job.status().state()));
    Path dir = executor.isEmpty() ? driverDir : executorDir(job, driverDir, executor.getAsInt());
    long[] offsets = new long[FILES.size()];
    try {
      copyNew(dir, offsets, out);
      if (follow) {
        Poll.every(FOLLOW_POLL, Duration.ofDays(365)).until(() -> {
          boolean ended = jobs.get(id).status().state().ended();
          copyNew(dir, offsets, out);
          return ended;
        });
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes what each file has beyond its offset, and moves the offsets on. */
  private static void copyNew(Path dir, long[] offsets, OutputStream out) {
    try {
      for (int i = 0; i < FILES.size(); i++) {
        Path file = dir.resolve(FILES.get(i));
        if (!Files.isRegularFile(file)) {
          continue;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
          long length = in.length();
          if (length > offsets[i]) {
            byte[] bytes = new byte[(int) (length - offsets[i])];
            in.seek(offsets[i]);
            in.readFully(bytes);
            out.write(bytes);
            offsets[i] = length;
          }
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The driver's directory in the work dir of the worker that runs or ran it. */
  private Optional<Path> workDir(String driverOrApp) {
    return jobs.platform().instances(Component.WORKER).stream()
        .map(worker -> jobs.platform().mountedDir(worker, WORK_DIR).resolve(driverOrApp))
        .filter(Files::isDirectory).findFirst();
  }

  private Path executorDir(Job job, Path driverDir, int executor) {
    String appId;
    try (Stream<String> lines = Files.lines(driverDir.resolve("stderr"))) {
      appId = lines.map(APP_ID::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst().orElseThrow(() ->
          new SparkK8sException(ExitCode.BAD_INPUT, "job " + job.id() + " has no application (yet)"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return workDir(appId).map(d -> d.resolve(String.valueOf(executor))).filter(Files::isDirectory)
        .orElseThrow(() -> new SparkK8sException(ExitCode.BAD_INPUT, "job " + job.id() + " has no executor "
            + executor + " (its application is " + appId + ")"));
  }
}
