package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.jobs.model.Job;
import dev.sparkk8s.jobs.model.JobKind;
import dev.sparkk8s.jobs.model.JobState;
import dev.sparkk8s.jobs.ops.ApplicationSubmitter;
import dev.sparkk8s.jobs.ops.ClusterModeSubmitter;
import dev.sparkk8s.jobs.ops.JobCatalog;
import dev.sparkk8s.jobs.ops.JobWaiter;
import dev.sparkk8s.jobs.submit.JobRequest;
import dev.sparkk8s.local.SparkHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spark-k8s jobs submit}: runs a batch application with the release's job profile. */
@Command(name = "submit", description = {"Run a batch application (a jar or a Python file) with the release's job "
    + "profile, and print its id. With --wait, follow its state until it ends: exit code 0 when it succeeded, "
    + "1 when not.",
    "APP is local:///path (in the image) or s3a://bucket/key; --conf may not set what the chart derives."})
public class JobsSubmitCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  ClusterOptions release;

  @Option(names = "--name", required = true, paramLabel = "NAME", description = "The job's name, its id.")
  String name;

  @Option(names = "--class", paramLabel = "CLASS", description = "Main class of a jar application.")
  String mainClass;

  @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark key the profile leaves to the job.")
  Map<String, String> conf = Map.of();

  @Option(names = "--wait", description = "Follow the job until it ends.")
  boolean await;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT1H",
      description = "How long --wait follows the job (ISO-8601, default ${DEFAULT-VALUE}).")
  Duration timeout;

  @Parameters(index = "0", paramLabel = "APP", description = "local:///path or s3a://bucket/key.")
  String app;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "The application's arguments.")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    JobRequest request = new JobRequest(name, Optional.ofNullable(mainClass), app, args, conf);
    return ReleaseJobs.with(release, catalog -> {
      String id = submit(catalog, request.checkedAgainst(catalog.profile()));
      terminal.out().println(id);
      terminal.out().flush();
      if (!await) {
        return ExitCode.OK.status();
      }
      Job ended = new JobWaiter(catalog, Duration.ofSeconds(2)).await(id, timeout, job -> {
        JobLines.print(terminal.out(), job);
        terminal.out().flush();
      });
      if (!ended.status().state().ended()) {
        terminal.problem("job " + id + " is still " + ended.status().state() + " after " + timeout);
      }
      return ended.status().state() == JobState.SUCCEEDED ? ExitCode.OK.status() : ExitCode.CHECK_FAILED.status();
    });
  }

  private String submit(JobCatalog catalog, JobRequest request) {
    JobKind kind = catalog.profile().kind();
    return switch (kind) {
      case APACHE_APPLICATION, KUBEFLOW_APPLICATION -> new ApplicationSubmitter(catalog).submit(request);
      case DRIVER_POD -> new ClusterModeSubmitter(catalog, SparkHome.built(catalog.profile().sparkLine()),
          catalog.client().getConfiguration().getMasterUrl().replaceAll("/$", ""), release.clientEnv(),
          Optional.ofNullable(release.context), workDir()).submit(request);
      case SUBMISSION_JOB -> throw new SparkK8sException(ExitCode.BAD_INPUT, "jobs submit on the "
          + catalog.profile().backend() + " backend is not available yet; jobs list, status, kill and logs are");
    };
  }

  private static Path workDir() {
    try {
      return Files.createTempDirectory("spark-k8s-jobs-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
