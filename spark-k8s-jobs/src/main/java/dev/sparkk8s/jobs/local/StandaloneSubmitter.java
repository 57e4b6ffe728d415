package dev.sparkk8s.jobs.local;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.jobs.ops.SparkClassRun;
import dev.sparkk8s.jobs.profile.JobProfile;
import dev.sparkk8s.jobs.submit.JobRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Submits a job to the local platform as {@code spark-submit --deploy-mode cluster --master spark://...} does, with
 * Spark's own client from the platform's Spark home: through the master's legacy submission gateway (its RPC port;
 * the REST server is off, as the chart renders the master), the driver then runs on a worker. Returns once the master
 * has the driver; its state is the master's.
 */
public final class StandaloneSubmitter {

  /** What Spark's client logs once the master accepted the driver. */
  private static final Pattern SUBMITTED = Pattern.compile("Driver successfully submitted as (driver-[0-9]+-[0-9]+)");

  private final LocalPlatformJobs jobs;

  public StandaloneSubmitter(LocalPlatformJobs jobs) {
    this.jobs = jobs;
  }

  /** The job's id: its name, or the driver's id when it has none. */
  public String submit(JobRequest request) {
    JobProfile profile = jobs.profile();
    request.checkedLocally(profile);
    String app = LocalApp.uri(request.app());
    Optional<String> name = Optional.ofNullable(request.name());
    name.flatMap(n -> jobs.names().driver(n)).filter(this::known).ifPresent(driver -> {
      throw new SparkK8sException(ExitCode.BAD_INPUT, "--name " + request.name() + ": the local platform has a job "
          + "of that name (" + driver + "); give another name");
    });
    LocalSparkClient client = new LocalSparkClient(jobs.platform(), profile);
    WorkerRoom.require(jobs.masterUi(), client.conf());
    Path dir = submissionDir(name.orElse("job"));
    List<String> args = new ArrayList<>(client.submitArgs(client.writeConf(dir)));
    args.addAll(List.of("--deploy-mode", "cluster"));
    args.addAll(request.submitArguments(app));
    Path log = dir.resolve("spark-submit.log");
    int exit = SparkClassRun.run(jobs.platform().home(), args, client.env(), log, "submitting " + app);
    Optional<String> driver = driverId(log);
    if (exit != 0 || driver.isEmpty()) {
      throw new SparkK8sException(ExitCode.CHECK_FAILED, "spark-submit of " + name.orElse(app) + " failed (exit code "
          + exit + "): " + SparkClassRun.firstError(log) + " (its log: " + log + ")");
    }
    name.ifPresent(n -> jobs.names().record(n, driver.get()));
    return name.orElse(driver.get());
  }

  private boolean known(String driverId) {
    return MasterDrivers.of(jobs.masterUi()).stream().anyMatch(d -> d.id().equals(driverId));
  }

  private Path submissionDir(String name) {
    try {
      Path submissions = Files.createDirectories(
          jobs.platform().state().runDir().resolve("jobs").resolve("submissions"));
      return Files.createTempDirectory(submissions, name + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> driverId(Path log) {
    try {
      Matcher m = SUBMITTED.matcher(Files.readString(log));
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

}
