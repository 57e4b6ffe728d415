package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PolicyEngine;
import dev.sparkk8s.policy.pss.PssBaseline;
import dev.sparkk8s.policy.pss.PssRestricted;
import dev.sparkk8s.policy.source.KubeflowWebhookMerge;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.policy.source.SparkRole;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pods the Kubeflow operator creates from the chart's SparkApplication, after its submission and mutating
 * webhook ({@link KubeflowWebhookMerge}), are valid pods that still pass PSS restricted: no volume, mount path or
 * env var twice, the Spark container named as the operator forces, and the Service reaching the driver only.
 */
class KubeflowMergedPodsTest {

  private static final String[] KUBEFLOW = {"spark.connect.mode.k8s.backend=operator", "spark.operator.flavor=kubeflow"};
  /** S3 keys from a Secret (env) and the event log on a claim (a volume): both places the webhook appends to. */
  private static final String[] S3_AND_CLAIM = {"spark.image.repository=registry.example.com/spark",
      "spark.s3.enabled=true", "spark.s3.credentials.secretName=object-store",
      "spark.eventLog.enabled=true", "spark.eventLog.existingClaim=spark-events"};
  private static final String[] S3A_EVENT_LOG = {"spark.image.repository=registry.example.com/spark",
      "spark.s3.enabled=true", "spark.s3.credentials.secretName=object-store",
      "spark.eventLog.enabled=true", "spark.eventLog.dir=s3a://logs/spark-events"};
  /** Pod settings: an env var, a volume and its mount (all fields the webhook appends to), labels, a node selector. */
  private static final String[] POD_SETTINGS = {"pods.extraEnv[0].name=TZ", "pods.extraEnv[0].value=UTC",
      "pods.extraVolumes[0].name=certs", "pods.extraVolumes[0].secret.secretName=ca",
      "pods.extraVolumeMounts[0].name=certs", "pods.extraVolumeMounts[0].mountPath=/etc/certs",
      "pods.nodeSelector.pool=spark", "spark.executor.pod.labels.tier=compute"};
  /** Secrets, a tmpfs local dir, GPUs and decommission: volumes, mounts, env and resources in the templates. */
  private static final String[] JOB_FEATURES = {"spark.secrets[0].secretName=db", "spark.secrets[0].key=password",
      "spark.secrets[0].envName=DB_PASSWORD", "spark.secrets[1].secretName=tls", "spark.secrets[1].mountPath=/etc/tls",
      "spark.executor.localStorage.type=tmpfs", "spark.executor.localStorage.size=1Gi", "spark.executor.gpu.amount=1",
      "spark.decommission.enabled=true"};
  private static final PolicyEngine PSS = new PolicyEngine(
      Stream.of(PssBaseline.rules(), PssRestricted.rules()).flatMap(List::stream).toList());

  static Stream<Arguments> renders() {
    List<Arguments> out = new ArrayList<>();
    for (String version : RenderCase.VERSIONS) {
      for (String profile : RenderCase.PROFILES) {
        out.add(Arguments.of(version, profile, "defaults", new String[0]));
        out.add(Arguments.of(version, profile, "S3 keys and an event log on a claim", S3_AND_CLAIM));
        out.add(Arguments.of(version, profile, "an s3a:// event log", S3A_EVENT_LOG));
        out.add(Arguments.of(version, profile, "pod settings", POD_SETTINGS));
        out.add(Arguments.of(version, profile, "secrets, a tmpfs local dir, GPUs, decommission", JOB_FEATURES));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @MethodSource("renders")
  void theMergedPodsAreValidAndRestricted(String version, String profile, String what, String[] sets) {
    List<String> all = new ArrayList<>(List.of(KUBEFLOW));
    all.add("spark.version=" + version);
    all.add("security.profile=" + profile);
    all.addAll(List.of(sets));
    ReleaseView view = new ReleaseView(ChartFixture.render(all.toArray(String[]::new)));
    GenericKubernetesResource app = view.get(GenericKubernetesResource.class, "SparkApplication",
        ReleaseView.FULLNAME + "-connect");

    PodSite driver = KubeflowWebhookMerge.pod(app, SparkRole.DRIVER).site();
    PodSite executor = KubeflowWebhookMerge.pod(app, SparkRole.EXECUTOR).site();
    for (PodSite pod : List.of(driver, executor)) {
      assertValid(pod);
      assertThat(PSS.check(List.of(asPod(pod, pod == driver ? "driver" : "executor"))))
          .extracting(Finding::describe).isEmpty();
    }
    assertThat(sparkContainer(driver).getName()).isEqualTo(ContainerNames.SPARK_DEFAULT_DRIVER);
    assertThat(sparkContainer(executor).getName()).isEqualTo(ContainerNames.SPARK_DEFAULT_EXECUTOR);
    assertThat(driver.spec().getAutomountServiceAccountToken()).isTrue();
    assertThat(executor.spec().getAutomountServiceAccountToken()).isFalse();
    assertThat(driver.spec().getServiceAccountName()).isEqualTo(ReleaseView.FULLNAME);

    var selector = view.service("connect").getSpec().getSelector().entrySet();
    assertThat(driver.labels().entrySet()).as("the Service reaches the driver").containsAll(selector);
    assertThat(executor.labels().entrySet().containsAll(selector)).as("the Service reaches no executor").isFalse();

    if (sets == S3_AND_CLAIM) {
      for (PodSite pod : List.of(driver, executor)) {
        assertThat(sparkContainer(pod).getEnv()).extracting(EnvVar::getName).contains("AWS_ACCESS_KEY_ID");
      }
      assertThat(driver.spec().getVolumes()).extracting(Volume::getName).contains("spark-events");
      assertThat(sparkContainer(driver).getVolumeMounts()).extracting(VolumeMount::getMountPath)
          .contains("/var/spark-events");
    }
    if (sets == POD_SETTINGS) {
      for (PodSite pod : List.of(driver, executor)) {
        assertThat(sparkContainer(pod).getEnv()).extracting(EnvVar::getName).containsOnlyOnce("TZ");
        assertThat(pod.spec().getVolumes()).extracting(Volume::getName).containsOnlyOnce("certs");
        assertThat(pod.spec().getNodeSelector()).containsEntry("pool", "spark");
      }
      assertThat(executor.labels()).containsEntry("tier", "compute");
      assertThat(driver.labels()).doesNotContainKey("tier");
    }
    if (sets == JOB_FEATURES) {
      for (PodSite pod : List.of(driver, executor)) {
        assertThat(sparkContainer(pod).getEnv()).extracting(EnvVar::getName).contains("DB_PASSWORD");
        assertThat(sparkContainer(pod).getVolumeMounts()).extracting(VolumeMount::getMountPath).contains("/etc/tls");
      }
      assertThat(sparkContainer(executor).getVolumeMounts()).extracting(VolumeMount::getName)
          .contains("spark-local-dir-1");
      assertThat(sparkContainer(executor).getResources().getLimits()).containsKey("nvidia.com/gpu");
      assertThat(executor.spec().getTerminationGracePeriodSeconds()).isEqualTo(120L);
    }
    if (sets == S3A_EVENT_LOG) {
      assertThat(driver.spec().getInitContainers()).as("the template's init container survives the webhook")
          .extracting(Container::getName).containsExactly("create-event-log-dir");
      assertThat(driver.spec().getInitContainers().get(0).getArgs()).containsSubsequence("-mkdir", "-p",
          "s3a://logs/spark-events");
    }
  }

  /** What the API server checks of the fields the webhook appends to. */
  private static void assertValid(PodSite pod) {
    List<String> volumes = pod.spec().getVolumes().stream().map(Volume::getName).toList();
    assertThat(volumes).as("volume names").doesNotHaveDuplicates();
    List<Container> containers = new ArrayList<>(pod.spec().getInitContainers());
    containers.addAll(pod.spec().getContainers());
    for (Container c : containers) {
      List<VolumeMount> mounts = c.getVolumeMounts() == null ? List.of() : c.getVolumeMounts();
      assertThat(mounts).extracting(VolumeMount::getMountPath).as(c.getName() + " mount paths").doesNotHaveDuplicates();
      assertThat(mounts).extracting(VolumeMount::getName).as(c.getName() + " mounts existing volumes")
          .allMatch(volumes::contains);
      List<EnvVar> env = c.getEnv() == null ? List.of() : c.getEnv();
      assertThat(env).extracting(EnvVar::getName).as(c.getName() + " env").doesNotHaveDuplicates();
    }
  }

  /** The container Spark runs in: the only one the chart's templates have. */
  private static Container sparkContainer(PodSite pod) {
    assertThat(pod.spec().getContainers()).hasSize(1);
    return pod.spec().getContainers().get(0);
  }

  private static HasMetadata asPod(PodSite site, String name) {
    return new PodBuilder().withMetadata(new ObjectMetaBuilder(site.metadata()).withName(name).build())
        .withSpec(site.spec()).build();
  }
}
