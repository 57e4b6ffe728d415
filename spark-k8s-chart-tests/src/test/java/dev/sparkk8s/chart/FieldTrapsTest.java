package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Traps from ../shared/notes/field-traps.md not already covered by the matrix and the corpus. */
class FieldTrapsTest {

  private static final String[] S3_EVENT_LOG = {
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
    String renamed = ChartFixture.render(S3_EVENT_LOG[0], S3_EVENT_LOG[1],
        "spark.s3.credentials.accessKeyIdKey=id", "spark.s3.credentials.secretAccessKeyKey=secret").yaml();
    assertThat(renamed).contains("key: id", "key: secret");
  }

  @Test
  void anS3EventLogPrefixIsCreatedBeforeTheServerAndTheHistoryServerStart() {
    ReleaseView view = new ReleaseView(ChartFixture.render(S3_EVENT_LOG));
    for (String workload : List.of("connect", "history")) {
      PodSpec pod = view.deployment(workload).getSpec().getTemplate().getSpec();
      assertThat(pod.getInitContainers()).as(workload).singleElement().satisfies(init -> {
        assertThat(init.getArgs()).containsSubsequence("org.apache.hadoop.fs.FsShell", "-mkdir", "-p",
            "s3a://logs/spark-events");
        assertThat(init.getImage()).isEqualTo(pod.getContainers().get(0).getImage());
        assertThat(init.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      });
    }
    assertThat(view.connectConf()).containsEntry("spark.eventLog.dir", "s3a://logs/spark-events");
  }

  private static String secretKey(Container c, String env) {
    EnvVar var = c.getEnv().stream().filter(e -> e.getName().equals(env)).findFirst()
        .orElseThrow(() -> new AssertionError(env + " not set on " + c.getName()));
    return var.getValueFrom().getSecretKeyRef().getName() + "/" + var.getValueFrom().getSecretKeyRef().getKey();
  }
}
