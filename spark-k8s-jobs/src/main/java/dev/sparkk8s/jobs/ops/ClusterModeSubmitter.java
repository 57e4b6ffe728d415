package dev.sparkk8s.jobs.ops;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.jobs.profile.JobProfile;
import dev.sparkk8s.jobs.submit.JobRequest;
import dev.sparkk8s.local.SparkHome;
import dev.sparkk8s.render.contract.ChartConfigMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Submits a job on the kubernetes backend as {@code spark-submit --deploy-mode cluster} does: Spark's own submission
 * client (from a local Spark home of the image's line) creates the driver pod from the profile. The profile's files
 * are used as rendered; only where they are (the pod templates' directory, the API server) is given on the command
 * line, and the driver pod gets the job's name.
 */
public final class ClusterModeSubmitter {

  private final JobCatalog catalog;
  private final SparkHome home;
  private final String apiServer;
  private final Map<String, String> clientEnv;
  private final Optional<String> context;
  private final Path workDir;

  /**
   * @param apiServer the API server's URL as this machine reaches it
   * @param clientEnv what the submission client needs to authenticate (KUBECONFIG)
   * @param context   the kubeconfig's context to use (spark.kubernetes.context), else its current one
   * @param workDir   where the profile's files and the client's log go
   */
  public ClusterModeSubmitter(JobCatalog catalog, SparkHome home, String apiServer, Map<String, String> clientEnv,
      Optional<String> context, Path workDir) {
    this.catalog = catalog;
    this.home = home;
    this.apiServer = apiServer;
    this.clientEnv = Map.copyOf(clientEnv);
    this.context = context;
    this.workDir = workDir;
  }

  public String submit(JobRequest request) {
    JobProfile profile = catalog.profile();
    try {
      Path conf = Files.createDirectories(workDir.resolve(request.name()));
      for (String file : List.of(ChartConfigMap.SPARK_DEFAULTS, ChartConfigMap.DRIVER_POD_TEMPLATE,
          ChartConfigMap.EXECUTOR_POD_TEMPLATE_KEY)) {
        Files.writeString(conf.resolve(file), profile.files().get(file));
      }
      List<String> args = arguments(request, conf);
      Map<String, String> env = new HashMap<>(home.env());
      env.putAll(clientEnv);
      Path log = conf.resolve("spark-submit.log");
      int exit = SparkClassRun.run(home, args, env, log, "submitting " + request.name());
      if (exit != 0) {
        throw new SparkK8sException(ExitCode.CHECK_FAILED, "spark-submit of job " + request.name()
            + " failed (exit code " + exit + "): " + SparkClassRun.firstError(log) + " (its log: " + log + ")");
      }
      return request.name();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** spark-submit's arguments: the profile's files in {@code conf}, where the cluster is, the job's name and request. */
  List<String> arguments(JobRequest request, Path conf) {
    List<String> args = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit",
        "--master", "k8s://" + apiServer, "--deploy-mode", "cluster",
        "--properties-file", conf.resolve(ChartConfigMap.SPARK_DEFAULTS).toString(),
        "--conf", "spark.kubernetes.driver.podTemplateFile=" + conf.resolve(ChartConfigMap.DRIVER_POD_TEMPLATE),
        "--conf", "spark.kubernetes.executor.podTemplateFile=" + conf.resolve(ChartConfigMap.EXECUTOR_POD_TEMPLATE_KEY),
        "--conf", "spark.kubernetes.namespace=" + catalog.namespace()));
    // The client reads the kubeconfig itself: the context the CLI was given, not the file's current one.
    context.ifPresent(c -> args.addAll(List.of("--conf", "spark.kubernetes.context=" + c)));
    args.addAll(List.of("--conf", "spark.kubernetes.driver.pod.name=" + request.name()));
    args.addAll(request.submitArguments(request.app()));
    return args;
  }
}
