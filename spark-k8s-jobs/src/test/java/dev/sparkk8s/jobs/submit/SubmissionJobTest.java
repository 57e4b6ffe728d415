package dev.sparkk8s.jobs.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.jobs.model.JobKind;
import dev.sparkk8s.jobs.profile.JobProfile;
import dev.sparkk8s.jobs.testing.RenderedProfiles;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The standalone backend's submission Job, built from the chart's job profile. */
class SubmissionJobTest {

  private static final JobRequest ETL = new JobRequest("nightly-etl", Optional.of("com.example.Etl"),
      "s3a://apps/etl.jar", List.of("--day", "2026-12-03"), Map.of("spark.sql.shuffle.partitions", "8"));

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void theJobRunsTheProfilesSubmitScriptAgainstTheReleasesMasterWithTheRequestsArguments(String version) {
    JobProfile profile = RenderedProfiles.profile("spark.version=" + version,
        "spark.connect.mode.k8s.backend=standalone");
    assertThat(profile.kind()).isEqualTo(JobKind.SUBMISSION_JOB);

    Job job = SubmissionJob.of(profile, ETL.checkedAgainst(profile), "batch");

    assertThat(job.getMetadata().getName()).isEqualTo("nightly-etl");
    assertThat(job.getMetadata().getNamespace()).isEqualTo("batch");
    assertThat(job.getSpec().getBackoffLimit()).isZero();
    PodSpec pod = job.getSpec().getTemplate().getSpec();
    assertThat(pod.getRestartPolicy()).isEqualTo("Never");
    assertThat(pod.getAutomountServiceAccountToken()).isFalse();
    Container submit = pod.getContainers().get(0);
    assertThat(submit.getArgs()).containsExactly("/opt/spark/job-profile/submit.sh", "--name", "nightly-etl",
        "--class", "com.example.Etl", "--conf", "spark.sql.shuffle.partitions=8", "s3a://apps/etl.jar",
        "--day", "2026-12-03");
    assertThat(submit.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
        .contains(org.assertj.core.groups.Tuple.tuple("SPARK_MASTER_URL", profile.conf().get("spark.master")),
            org.assertj.core.groups.Tuple.tuple("JOB_PROFILE_DIR", "/opt/spark/job-profile"));
    Volume profileVolume = pod.getVolumes().stream().filter(v -> v.getName().equals("job-profile")).findFirst()
        .orElseThrow();
    assertThat(profileVolume.getConfigMap().getName()).isEqualTo("spark-spark-k8s-job-profile");
    assertThat(profileVolume.getConfigMap().getItems()).extracting(i -> i.getKey())
        .containsExactlyInAnyOrder("spark-defaults.conf", "submit.sh");
    assertThat(profile.files()).containsKeys("spark-defaults.conf", "submit.sh");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"kubernetes", "operator"})
  void otherBackendsHaveNoSubmissionJob(String backend) {
    assertThat(RenderedProfiles.profile("spark.connect.mode.k8s.backend=" + backend).submissionTemplate()).isEmpty();
  }
}
