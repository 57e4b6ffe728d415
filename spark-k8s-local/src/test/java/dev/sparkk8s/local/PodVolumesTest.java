package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pod's volumes as directories of the run, as a kubelet would fill them. */
class PodVolumesTest {

  @TempDir
  Path runDir;

  private final Container container = new ContainerBuilder().withName("spark-connect").build();

  @Test
  void configMapAndSecretVolumesHoldTheirKeysAsFilesAndOthersAreDirectories() throws Exception {
    ChartContainer c = mountingAll(container, new PodTemplateSpecBuilder().withNewSpec()
        .addNewVolume().withName("conf").withNewConfigMap().withName("conf").endConfigMap().endVolume()
        .addNewVolume().withName("creds").withNewSecret().withSecretName("creds").endSecret().endVolume()
        .addNewVolume().withName("tmp").withNewEmptyDir().endEmptyDir().endVolume()
        .addNewVolume().withName("events").withNewPersistentVolumeClaim().withClaimName("events-claim")
        .endPersistentVolumeClaim().endVolume()
        .endSpec());
    Secret creds = new SecretBuilder().withNewMetadata().withName("creds").endMetadata()
        .addToData("key", Base64.getEncoder().encodeToString("s3cr3t".getBytes(StandardCharsets.UTF_8))).build();
    PodObjects objects = TestPods.objects(List.of(TestPods.configMap("conf", Map.of("log4j2.properties", "rootLogger=INFO"))),
        List.of(creds));

    PodVolumes.materialise(c, objects, TestPods.mountsOnly(c, runDir));

    Path instance = runDir.resolve("instances/connect");
    assertThat(instance.resolve("conf/log4j2.properties")).hasContent("rootLogger=INFO");
    assertThat(instance.resolve("creds/key")).hasContent("s3cr3t");
    assertThat(instance.resolve("tmp")).isEmptyDirectory();
    assertThat(runDir.resolve("volumes/events-claim")).as("a claim outlives the instance").isEmptyDirectory();
  }

  @Test
  void itemsChooseAndPlaceKeysAndSparkDefaultsGetLocalAddresses() throws Exception {
    ChartContainer c = mountingAll(container.toBuilder()
        .addNewPort().withName("grpc").withContainerPort(15002).endPort()
        .addNewPort().withName("ui").withContainerPort(4040).endPort().build(),
        new PodTemplateSpecBuilder().withNewSpec()
            .addNewVolume().withName("conf").withNewConfigMap().withName("conf")
            .addNewItem().withKey("spark-defaults.conf").withPath("spark-defaults.conf").endItem()
            .addNewItem().withKey("log4j2.properties").withPath("log/log4j2.properties").endItem()
            .endConfigMap().endVolume()
            .endSpec());
    PodObjects objects = TestPods.objects(List.of(TestPods.configMap("conf", Map.of(
        "spark-defaults.conf", "spark.remote sc://local-spark-k8s-connect:15002\nspark.ui.port 4040\n",
        "log4j2.properties", "rootLogger=INFO",
        "unlisted", "x"))), List.of());

    PodVolumes.materialise(c, objects, TestPods.addresses(c, runDir, Map.of()));

    Path conf = runDir.resolve("instances/connect/conf");
    assertThat(Files.readString(conf.resolve("spark-defaults.conf")))
        .isEqualTo("spark.remote sc://127.0.0.1:40002\nspark.ui.port 40040\n");
    assertThat(conf.resolve("log/log4j2.properties")).hasContent("rootLogger=INFO");
    assertThat(conf.resolve("unlisted")).doesNotExist();
  }

  /** A script shipped in a ConfigMap runs only with the mode the volume gives it. */
  @Test
  void filesGetTheVolumesDefaultModeOrTheirItemsMode() throws Exception {
    ChartContainer c = mountingAll(container, new PodTemplateSpecBuilder().withNewSpec()
        .addNewVolume().withName("scripts").withNewConfigMap().withName("scripts").withDefaultMode(0755)
        .addNewItem().withKey("run.sh").withPath("run.sh").endItem()
        .addNewItem().withKey("notes").withPath("notes").withMode(0440).endItem().endConfigMap().endVolume()
        .addNewVolume().withName("conf").withNewConfigMap().withName("conf").endConfigMap().endVolume()
        .endSpec());
    PodObjects objects = TestPods.objects(List.of(TestPods.configMap("scripts", Map.of("run.sh", "#!/bin/sh\n",
        "notes", "n")), TestPods.configMap("conf", Map.of("a.conf", "a"))), List.of());

    PodVolumes.materialise(c, objects, TestPods.mountsOnly(c, runDir));

    Path instance = runDir.resolve("instances/connect");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(instance.resolve("scripts/run.sh"))))
        .isEqualTo("rwxr-xr-x");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(instance.resolve("scripts/notes"))))
        .as("0440, the owner keeping write").isEqualTo("rw-r-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(instance.resolve("conf/a.conf"))))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void aKeyTheSecretLacksIsAnErrorNamingItUnlessOptional() {
    ChartContainer c = mountingAll(container, new PodTemplateSpecBuilder().withNewSpec()
        .addNewVolume().withName("connect-tls").withNewSecret().withSecretName("connect-tls")
        .addNewItem().withKey("tls.crt").withPath("tls.crt").endItem()
        .addNewItem().withKey("tls.key").withPath("tls.key").endItem().endSecret().endVolume().endSpec());
    Secret certificateOnly = new SecretBuilder().withNewMetadata().withName("connect-tls").endMetadata()
        .addToStringData("tls.crt", "-----BEGIN CERTIFICATE-----").build();

    assertThatThrownBy(() -> PodVolumes.materialise(c, TestPods.objects(List.of(), List.of(certificateOnly)),
        TestPods.mountsOnly(c, runDir)))
        .isInstanceOf(LocalInputException.class)
        .hasMessage("connect: Secret connect-tls has no key tls.key, which the pod mounts as tls.key; add it to the Secret");
  }

  @Test
  void onlyTheVolumesTheContainerMountsAreWrittenForIt() throws Exception {
    ChartContainer c = TestPods.connect(container.toBuilder().addNewVolumeMount().withName("conf")
        .withMountPath("/opt/spark/conf").endVolumeMount().build(), new PodTemplateSpecBuilder().withNewSpec()
        .addNewVolume().withName("conf").withNewConfigMap().withName("conf").endConfigMap().endVolume()
        .addNewVolume().withName("proxy").withNewConfigMap().withName("proxy").endConfigMap().endVolume().endSpec());
    PodObjects objects = TestPods.objects(List.of(TestPods.configMap("conf", Map.of("a.conf", "a")),
        TestPods.configMap("proxy", Map.of("nginx.conf.template", "listen 0.0.0.0:15443;"))), List.of());

    PodVolumes.materialise(c, objects, TestPods.mountsOnly(c, runDir));

    assertThat(runDir.resolve("instances/connect/conf/a.conf")).hasContent("a");
    assertThat(runDir.resolve("instances/connect/proxy")).as("the sidecar's, written with its own mounts").doesNotExist();
  }

  @Test
  void aMissingConfigMapIsAnErrorUnlessOptional() {
    ChartContainer required = mountingAll(container, new PodTemplateSpecBuilder().withNewSpec()
        .addNewVolume().withName("conf").withNewConfigMap().withName("absent").endConfigMap().endVolume().endSpec());
    ChartContainer optional = mountingAll(container, new PodTemplateSpecBuilder().withNewSpec()
        .addNewVolume().withName("conf").withNewConfigMap().withName("absent").withOptional(true).endConfigMap().endVolume()
        .endSpec());
    PodObjects none = TestPods.objects(List.of(), List.of());

    assertThatThrownBy(() -> PodVolumes.materialise(required, none, TestPods.mountsOnly(required, runDir)))
        .isInstanceOf(LocalRuntimeException.class).hasMessage("connect mounts ConfigMap absent, which does not exist");
    PodVolumes.materialise(optional, none, TestPods.mountsOnly(optional, runDir));
    assertThat(runDir.resolve("instances/connect/conf")).isEmptyDirectory();
  }

  /** The pod with a container that mounts each of its volumes at /mnt/<name>. */
  private static ChartContainer mountingAll(Container container, PodTemplateSpecBuilder pod) {
    ContainerBuilder mounting = container.toBuilder();
    pod.build().getSpec().getVolumes().forEach(v -> mounting.addNewVolumeMount().withName(v.getName())
        .withMountPath("/mnt/" + v.getName()).endVolumeMount());
    return TestPods.connect(mounting.build(), pod);
  }
}
