package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.source.SparkApplications;
import dev.sparkk8s.policy.source.SparkRole;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Traps from ../shared/notes/field-traps.md not already covered by the matrix and the corpus. */
class FieldTrapsTest {

  /** The stock image has no S3A; the chart refuses S3 on it. */
  private static final String S3A_IMAGE = "spark.image.repository=" + ValuesContext.S3A_IMAGE;
  private static final String[] S3_EVENT_LOG = {S3A_IMAGE,
      "spark.s3.enabled=true", "spark.s3.credentials.secretName=object-store",
      "spark.eventLog.enabled=true", "spark.eventLog.dir=s3a://logs/spark-events", "spark.historyServer.enabled=true"};

  @Test
  void spark35ConnectPackageFollowsTheImageTagNotAHardCodedVersion() {
    ReleaseView view = new ReleaseView(ChartFixture.render("spark.version=3.5", "spark.image.tag=3.5.4-java17"));
    assertThat(view.connectConf().get("spark.jars.packages")).isEqualTo("org.apache.spark:spark-connect_2.12:3.5.4");
    ReleaseView fromImage = new ReleaseView(ChartFixture.render("spark.version=3.5",
        "spark.connect.serverJarSource=image"));
    assertThat(fromImage.connectConf()).doesNotContainKey("spark.jars.packages");
  }

  @Test
  void s3CredentialsComeFromTheNamedSecretWithTheDocumentedKeys() {
    ReleaseView view = new ReleaseView(ChartFixture.render(S3_EVENT_LOG));
    assertThat(view.release().ofKind("Secret")).as("the chart never holds credentials").isEmpty();
    for (PodSpec pod : List.of(view.deployment("connect").getSpec().getTemplate().getSpec(),
        view.deployment("history").getSpec().getTemplate().getSpec())) {
      Container main = pod.getContainers().get(0);
      assertThat(secretKey(main, "AWS_ACCESS_KEY_ID")).isEqualTo("object-store/AWS_ACCESS_KEY_ID");
      assertThat(secretKey(main, "AWS_SECRET_ACCESS_KEY")).isEqualTo("object-store/AWS_SECRET_ACCESS_KEY");
    }
    String renamed = ChartFixture.render(S3A_IMAGE, "spark.s3.enabled=true", "spark.s3.credentials.secretName=object-store",
        "spark.s3.credentials.accessKeyIdKey=id", "spark.s3.credentials.secretAccessKeyKey=secret").yaml();
    assertThat(renamed).contains("key: id", "key: secret");
  }

  @Test
  void anS3EventLogPrefixIsCreatedBeforeEverySparkProcessStarts() {
    for (String flavor : List.of("", "apache", "kubeflow")) {
      List<String> sets = new ArrayList<>(List.of(S3_EVENT_LOG));
      if (!flavor.isEmpty()) {
        sets.addAll(List.of("spark.connect.mode.k8s.backend=operator", "spark.operator.flavor=" + flavor));
      }
      ReleaseView view = new ReleaseView(ChartFixture.render(sets.toArray(String[]::new)));
      Map<String, PodSpec> pods = new LinkedHashMap<>();
      pods.put("history", view.deployment("history").getSpec().getTemplate().getSpec());
      if (flavor.isEmpty()) {
        pods.put("connect", view.deployment("connect").getSpec().getTemplate().getSpec());
        assertThat(view.connectConf()).containsEntry("spark.eventLog.dir", "s3a://logs/spark-events");
      } else {
        GenericKubernetesResource app = view.get(GenericKubernetesResource.class, "SparkApplication",
            ReleaseView.FULLNAME + "-connect");
        // The driver as its operator creates it (for Kubeflow, after the webhook).
        pods.put(flavor + " driver", SparkApplications.pod(app, SparkRole.DRIVER).spec());
        assertThat(SparkApplications.sparkConf(app)).containsEntry("spark.eventLog.dir", "s3a://logs/spark-events");
      }
      pods.forEach((what, pod) -> assertThat(pod.getInitContainers()).as(what).singleElement().satisfies(init -> {
        assertThat(init.getArgs()).containsSubsequence("org.apache.hadoop.fs.FsShell", "-mkdir", "-p",
            "s3a://logs/spark-events");
        assertThat(init.getImage()).isEqualTo(pod.getContainers().get(0).getImage());
        assertThat(init.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(init.getEnv()).extracting(EnvVar::getName).contains("AWS_ACCESS_KEY_ID");
      }));
    }
  }

  private static String secretKey(Container c, String env) {
    EnvVar var = c.getEnv().stream().filter(e -> e.getName().equals(env)).findFirst()
        .orElseThrow(() -> new AssertionError(env + " not set on " + c.getName()));
    return var.getValueFrom().getSecretKeyRef().getName() + "/" + var.getValueFrom().getSecretKeyRef().getKey();
  }
}
