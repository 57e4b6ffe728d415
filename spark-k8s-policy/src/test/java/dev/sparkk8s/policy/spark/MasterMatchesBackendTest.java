package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.SparkApplicationFixtures;
import dev.sparkk8s.render.contract.ChartLabels;
import org.junit.jupiter.api.Test;

class MasterMatchesBackendTest {

  private static final String CONF = "ConfigMap/spark-conf";
  private static final String MASTER = "data[spark-defaults.conf][spark.master]";

  private final CompliantRelease release = new CompliantRelease();

  @Test
  void standaloneMasterOnTheKubernetesBackend() {
    release.sparkDefaults.put("spark.master", "spark://spark-master:7077");

    Finding f = only(release.check(), MasterMatchesBackend.ID, CONF, null, MASTER);
    assertThat(f.message()).contains("spark.master spark://spark-master:7077").contains("kubernetes");
  }

  @Test
  void kubernetesMasterOnTheStandaloneBackend() {
    release.withStandaloneBackend().sparkDefaults.put("spark.master", "k8s://https://kubernetes.default.svc");

    only(release.check(), MasterMatchesBackend.ID, CONF, null, MASTER);
  }

  @Test
  void missingMaster() {
    release.sparkDefaults.remove("spark.master");

    Finding f = only(release.check(), MasterMatchesBackend.ID, CONF, null, MASTER);
    assertThat(f.message()).contains("spark.master unset");
  }

  @Test
  void unknownBackendIsAFindingNotAFallback() {
    release.sparkConf.getMetadata().getAnnotations().put(ChartLabels.BACKEND_ANNOTATION, "yarn");

    Finding f = only(release.check(), MasterMatchesBackend.ID, CONF, null,
        "metadata.annotations[spark-k8s.io/backend]");
    assertThat(f.message()).contains("yarn");
  }

  @Test
  void missingBackend() {
    release.sparkConf.getMetadata().getAnnotations().remove(ChartLabels.BACKEND_ANNOTATION);

    only(release.check(), MasterMatchesBackend.ID, CONF, null, "metadata.annotations[spark-k8s.io/backend]");
  }

  @Test
  void sparkApplicationWithANonKubernetesMaster() {
    SparkApplicationFixtures.path(release.apacheApp, "spec", "sparkConf").put("spark.master", "local[*]");

    Finding f = only(release.check(), MasterMatchesBackend.ID, "SparkApplication/spark-pi", null,
        "spec.sparkConf[spark.master]");
    assertThat(f.message()).contains("local[*]");
  }
}
