package dev.sparkk8s.jobs.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.jobs.submit.JobRequest;
import dev.sparkk8s.jobs.testing.RenderedProfiles;
import dev.sparkk8s.local.SparkHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the kubernetes backend's submission hands Spark's own client: the kubeconfig's context the CLI was given. */
class ClusterModeSubmitterTest {

  private static final JobRequest PI = new JobRequest("pi", Optional.of("PiJob"), "local:///opt/app/pi.jar",
      List.of("1000"), Map.of("spark.sql.shuffle.partitions", "8"));

  @TempDir
  Path dir;

  @Test
  void theContextGivenReachesTheSubmissionClient() throws IOException {
    List<String> args = submitter(Optional.of("staging")).arguments(PI, dir);
    assertThat(String.join(" ", args)).contains("--conf spark.kubernetes.context=staging",
        "--conf spark.kubernetes.namespace=jobs", "--master k8s://https://api.example:6443",
        "--conf spark.kubernetes.driver.pod.name=pi --name pi --class PiJob",
        "--conf spark.sql.shuffle.partitions=8 local:///opt/app/pi.jar 1000");
  }

  @Test
  void withoutAContextTheKubeconfigsCurrentOneIsUsed() throws IOException {
    assertThat(submitter(Optional.empty()).arguments(PI, dir)).noneMatch(a -> a.startsWith("spark.kubernetes.context"));
  }

  private ClusterModeSubmitter submitter(Optional<String> context) throws IOException {
    SparkHome home = new SparkHome("4.1", Files.createDirectories(dir.resolve("home/jars")).getParent());
    JobCatalog catalog = new JobCatalog(null, "jobs", RenderedProfiles.profile());
    return new ClusterModeSubmitter(catalog, home, "https://api.example:6443", Map.of(), context, dir.resolve("work"));
  }
}
