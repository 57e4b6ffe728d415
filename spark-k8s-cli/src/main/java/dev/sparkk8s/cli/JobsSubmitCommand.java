package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.jobs.local.LocalPlatformJobs;
import dev.sparkk8s.jobs.local.StandaloneSubmitter;
import dev.sparkk8s.jobs.model.Job;
import dev.sparkk8s.jobs.model.JobKind;
import dev.sparkk8s.jobs.model.JobState;
import dev.sparkk8s.jobs.ops.ApplicationSubmitter;
import dev.sparkk8s.jobs.ops.ClusterModeSubmitter;
import dev.sparkk8s.jobs.ops.JobCatalog;
import dev.sparkk8s.jobs.ops.JobListing;
import dev.sparkk8s.jobs.ops.JobWaiter;
import dev.sparkk8s.jobs.ops.StandaloneJobSubmitter;
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
    "APP is local:///path (in the image) or s3a://bucket/key; --conf may not set what the chart derives. A Python "
        + "file runs on the kubernetes and operator backends only: Spark's Standalone cluster mode does not run it.",
    "With --local: on the local platform's Standalone master in cluster deploy mode (the driver runs on a worker), "
        + "with the job profile up --local rendered; APP is a jar on this machine."})
public class JobsSubmitCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  ClusterOptions release;

  @Mixin
  LocalRunOption run;

  @Option(names = "--name", paramLabel = "NAME",
      description = "The job's name, its id (required on a cluster; with --local, without it the driver's id is).")
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

  @Parameters(index = "0", paramLabel = "APP",
      description = "local:///path or s3a://bucket/key; with --local a jar on this machine (a path, file:// or local://).")
  String app;

  @Parameters(index = "1..*", paramLabel = "ARGS", description = "The application's arguments.")
  List<String> args = new ArrayList<>();

  @Override
  public Integer call() {
    JobRequest request = new JobRequest(name, Optional.ofNullable(mainClass), app, args, conf);
    if (run.local) {
      LocalPlatformJobs jobs = LocalPlatformJobs.at(run.runDir);
      return submitted(jobs, new StandaloneSubmitter(jobs).submit(request));
    }
    if (name == null) {
      throw new SparkK8sException(ExitCode.BAD_INPUT, "--name: a job on a cluster needs a name, its id");
    }
    return ReleaseJobs.with(release,
        catalog -> submitted(catalog, submit(catalog, request.checkedAgainst(catalog.profile()))));
  }

  /** Prints the job's id and, with --wait, follows it: exit code 0 when it succeeded, 1 when not. */
  private int submitted(JobListing jobs, String id) {
    terminal.out().println(id);
    terminal.out().flush();
    if (!await) {
      return ExitCode.OK.status();
    }
    Job ended = new JobWaiter(jobs, Duration.ofSeconds(2)).await(id, timeout, job -> {
      JobLines.print(terminal.out(), job);
      terminal.out().flush();
    });
    if (!ended.status().state().ended()) {
      terminal.problem("job " + id + " is still " + ended.status().state() + " after " + timeout);
    }
    return ended.status().state() == JobState.SUCCEEDED ? ExitCode.OK.status() : ExitCode.CHECK_FAILED.status();
  }

  private String submit(JobCatalog catalog, JobRequest request) {
    JobKind kind = catalog.profile().kind();
    return switch (kind) {
      case APACHE_APPLICATION, KUBEFLOW_APPLICATION -> new ApplicationSubmitter(catalog).submit(request);
      case DRIVER_POD -> new ClusterModeSubmitter(catalog, SparkHome.built(catalog.profile().sparkLine()),
          catalog.client().getConfiguration().getMasterUrl().replaceAll("/$", ""), release.clientEnv(),
          Optional.ofNullable(release.context), workDir()).submit(request);
      case SUBMISSION_JOB -> new StandaloneJobSubmitter(catalog).submit(request);
      case STANDALONE_DRIVER -> throw new IllegalStateException(
          "a release on a cluster has no local Standalone drivers");
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
