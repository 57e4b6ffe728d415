package dev.sparkk8s.jobs.local;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.jobs.model.Job;
import dev.sparkk8s.jobs.model.JobKind;
import dev.sparkk8s.jobs.ops.JobGlob;
import dev.sparkk8s.jobs.ops.JobListing;
import dev.sparkk8s.jobs.profile.JobProfile;
import dev.sparkk8s.jobs.state.StandaloneDriverState;
import dev.sparkk8s.local.LocalState;
import dev.sparkk8s.local.RunningPlatform;
import dev.sparkk8s.render.contract.ChartConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The batch jobs of the {@code up --local} platform: the drivers its Standalone master runs or ran (cluster deploy
 * mode), each with the name it was submitted with as its id (its driver id when it was given none), and the job
 * profile of the release {@code up} rendered.
 */
public final class LocalPlatformJobs implements JobListing {

  private final RunningPlatform platform;
  private final JobNames names;

  public LocalPlatformJobs(RunningPlatform platform) {
    this.platform = platform;
    this.names = new JobNames(platform.state().runDir());
  }

  /** The local platform at a run directory (exit code 2 when none is up there). */
  public static LocalPlatformJobs at(Path runDir) {
    if (LocalState.read(runDir.toAbsolutePath()).filter(LocalState::anyAlive).isEmpty()) {
      throw new SparkK8sException(ExitCode.BAD_INPUT, "no local platform is up at " + runDir.toAbsolutePath()
          + "; start one with: spark-k8s up --local");
    }
    return new LocalPlatformJobs(RunningPlatform.at(runDir));
  }

  /** Every driver the master knows, oldest first. */
  @Override
  public List<Job> list() {
    Map<String, String> named = names.byDriver();
    return MasterDrivers.of(masterUi()).stream().map(d -> new Job(named.getOrDefault(d.id(), d.id()),
            JobKind.STANDALONE_DRIVER, StandaloneDriverState.of(d.state()).withDetail(detail(d, named)), d.started()))
        .sorted(Comparator.comparing(Job::created).thenComparing(Job::id)).toList();
  }

  /** The Standalone driver's id of a job. */
  public String driverId(String jobId) {
    return names.driver(jobId).orElse(jobId);
  }

  /** The job profile of the release {@code up} rendered (spark.jobs.enabled, which ci/local-values.yaml sets). */
  public JobProfile profile() {
    ConfigMap profile = platform.release().objects(ConfigMap.class).stream().filter(ChartConfigMap.JOB_PROFILE::is)
        .findFirst().orElseThrow(() -> new SparkK8sException(ExitCode.BAD_INPUT, "the local platform at "
            + platform.state().runDir() + " was rendered without the job profile (spark.jobs.enabled=false); start it "
            + "again with spark.jobs.enabled=true"));
    return JobProfile.of(profile);
  }

  public RunningPlatform platform() {
    return platform;
  }

  JobNames names() {
    return names;
  }

  String masterUi() {
    return platform.state().masterWebUrl();
  }

  private static String detail(StandaloneDriver d, Map<String, String> named) {
    String where = d.worker().equals("None") ? "waiting for a worker" : "on " + d.worker();
    return named.containsKey(d.id()) ? d.id() + " " + where : where;
  }

  @Override
  public SparkK8sException unknown(String what) {
    return new SparkK8sException(ExitCode.BAD_INPUT, what + " on the local platform at " + platform.state().runDir());
  }
}
