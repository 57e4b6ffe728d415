package dev.sparkk8s.cli;

import static dev.sparkk8s.cli.UpgradeDiffLines.announced;
import static dev.sparkk8s.cli.UpgradeDiffLines.difference;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import dev.sparkk8s.kube.ControllerManager;
import dev.sparkk8s.kube.MockKubernetesApi;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up}, a migration, {@code down} on the mock API through Helm's own code, without Spark ({@code --no-wait}:
 * Helm's atomic wait sees the workloads ready as {@link ControllerManager} reports them).
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CliLifecycleTest {

  private static final String NS = "spark";

  @TempDir
  Path tmp;
  private MockKubernetesApi api;
  private ControllerManager controllers;
  private Path kubeconfig;

  @BeforeEach
  void start() throws IOException {
    api = new MockKubernetesApi();
    controllers = new ControllerManager(api.client());
    api.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    kubeconfig = Files.writeString(tmp.resolve("kubeconfig"), api.kubeconfig(NS));
  }

  @AfterEach
  void stop() {
    controllers.close();
    api.close();
  }

  @Test
  void upInstallsAHelmReleaseMigratesItAsTheDiffSaysAndDownRemovesEverything() {
    Cli.Result installed = up("--no-wait");

    assertThat(installed.exitCode()).as(installed.toString()).isZero();
    assertThat(installed.out()).contains("installing release spark in namespace spark (Helm, atomic")
        .contains("Helm: release spark revision 1 deployed").contains("sc://spark-spark-k8s-connect.spark.svc:15002");
    assertThat(helmList()).extracting(Release::getName, Release::getRevision, Release::getStatus)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("spark", "1", "deployed"));
    Set<String> kubernetesBackend = releaseObjects();
    Cli.Result status = Cli.run("status", "--kubeconfig", kubeconfig.toString());
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out()).startsWith("release spark in namespace spark: spark-k8s-")
        .contains(", revision 1, deployed").contains("values given: none")
        .contains("Spark Connect (in the cluster): sc://spark-spark-k8s-connect.spark.svc:15002");

    Cli.Result migrated = up("--no-wait", "--backend", "standalone", "--yes");

    assertThat(migrated.exitCode()).as(migrated.toString()).isZero();
    assertThat(migrated.out()).contains("release spark revision 1: what the upgrade changes")
        .contains("  + StatefulSet/spark-spark-k8s-master").contains("  - ConfigMap/spark-spark-k8s-executor-pod-template")
        .contains("rolled back to revision 1").contains("Helm: release spark revision 2 deployed");
    Set<String> standaloneBackend = releaseObjects();
    Cli.Result json = Cli.run("status", "--kubeconfig", kubeconfig.toString(), "--output", "json");
    assertThat(json.out()).contains("\"revision\" : \"2\"").contains("backend: standalone");
    assertThat(difference(standaloneBackend, kubernetesBackend)).isEqualTo(announced(migrated.out(), "+"));
    assertThat(difference(kubernetesBackend, standaloneBackend)).isEqualTo(announced(migrated.out(), "-"));

    Cli.Result back = up("--no-wait", "--backend", "kubernetes", "--spark", "3.5", "--yes");

    assertThat(back.exitCode()).as(back.toString()).isZero();
    assertThat(back.out()).contains("  - StatefulSet/spark-spark-k8s-master")
        .contains("  ~ Deployment/spark-spark-k8s-connect\n").contains("/spec/template/spec/containers/0/image")
        .contains("revision 3 deployed");
    assertThat(releaseObjects()).isEqualTo(kubernetesBackend);

    api.client().pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("spark-exec-1")
        .addToLabels(ChartLabels.INSTANCE, "spark").addToLabels(ChartLabels.SPARK_ROLE, "executor")
        .endMetadata().withNewSpec().addNewContainer().withName("executor").withImage("spark").endContainer()
        .endSpec().build()).create();

    Cli.Result down = Cli.run("down", "--kubeconfig", kubeconfig.toString());

    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(down.out()).contains("removed Helm release spark (revision 3) and its objects")
        .contains("removed executor pod spark-exec-1");
    assertThat(releaseObjects()).isEmpty();
    assertThat(api.client().pods().inNamespace(NS).list().getItems()).isEmpty();
    assertThat(helmList()).isEmpty();
  }

  @Test
  void anUpgradeAnsweredNoChangesNothingAndOneWithoutAnswerOrYesIsOneLine() {
    assertThat(up("--no-wait").exitCode()).isZero();

    Cli.Result no = withInput("n\n", () -> up("--no-wait", "--backend", "standalone"));

    assertThat(no.exitCode()).as(no.toString()).isEqualTo(1);
    assertThat(no.out()).contains("  + StatefulSet/spark-spark-k8s-master").contains("Upgrade? [y/N] not upgraded");
    Cli.Result r = withInput("", () -> up("--no-wait", "--backend", "standalone"));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("spark-k8s: no answer to the confirmation (no input): give --yes to upgrade "
        + "without it\n");
    assertThat(helmList()).extracting(Release::getRevision).containsExactly("1");
  }

  @Test
  void lintFindingsRefuseTheInstallUnlessForced() {
    String s3aOnTheStockImage = "spark.conf.spark\\.hadoop\\.fs\\.s3a\\.endpoint=http://minio:9000";
    Cli.Result r = up("--no-wait", "--set", s3aOnTheStockImage);

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).contains("spark/s3a-in-image").contains("refused: 1 lint findings");
    assertThat(helmList()).isEmpty();

    Cli.Result forced = up("--no-wait", "--force", "--set", s3aOnTheStockImage);

    assertThat(forced.exitCode()).as(forced.toString()).isZero();
    assertThat(helmList()).extracting(Release::getRevision).containsExactly("1");
  }

  @Test
  void statusAndDownOfAReleaseThatIsNotThereAreOneLine() {
    Cli.Result status = Cli.run("status", "--kubeconfig", kubeconfig.toString(), "--release", "other");
    assertThat(status.exitCode()).as(status.toString()).isEqualTo(2);
    assertThat(status.err()).isEqualTo("spark-k8s: no Helm release other in namespace spark\n");
    Cli.Result down = Cli.run("down", "--kubeconfig", kubeconfig.toString(), "--release", "other");

    assertThat(down.exitCode()).as(down.toString()).isEqualTo(2);
    assertThat(down.err()).isEqualTo("spark-k8s: no Helm release other in namespace spark\n");
    Cli.Result missing = Cli.run("down", "--kubeconfig", kubeconfig.toString(), "-n", "nowhere");
    assertThat(missing.err()).isEqualTo("spark-k8s: namespace nowhere does not exist\n");
  }

  private Cli.Result up(String... options) {
    return Cli.run(Stream.concat(Stream.of("up", "--kubeconfig", kubeconfig.toString(), "--timeout", "PT60S"),
        Stream.of(options)).toArray(String[]::new));
  }

  private static Cli.Result withInput(String input, java.util.function.Supplier<Cli.Result> command) {
    java.io.InputStream stdin = System.in;
    System.setIn(new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    try {
      return command.get();
    } finally {
      System.setIn(stdin);
    }
  }

  private List<Release> helmList() {
    return Helm.list().withNamespace(NS).withKubeConfig(kubeconfig).call();
  }

  /** The chart's objects in the namespace ({@code Kind/name}), as the diff names them. */
  private Set<String> releaseObjects() {
    KubernetesClient client = api.client();
    Set<String> ids = new TreeSet<>();
    Stream.of(client.configMaps(), client.services(), client.serviceAccounts(), client.apps().deployments(),
            client.apps().statefulSets(), client.rbac().roles(), client.rbac().roleBindings(),
            client.policy().v1().podDisruptionBudget(), client.network().v1().networkPolicies())
        .flatMap(op -> op.inNamespace(NS).withLabel(ChartLabels.INSTANCE, "spark").list().getItems().stream())
        .map(HasMetadata.class::cast)
        .forEach(o -> ids.add(o.getKind() + "/" + o.getMetadata().getName()));
    return ids;
  }
}
