package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** A container's environment as a kubelet resolves it, answered for this machine. */
class ContainerEnvTest {

  private static final PodObjects OBJECTS = TestPods.objects(
      List.of(TestPods.configMap("settings", Map.of("mode", "fast"))),
      List.of(new SecretBuilder().withNewMetadata().withName("creds").endMetadata().addToStringData("id", "AKIA").build()));

  @Test
  void valuesFieldsAndReferencesResolveInOrderWithExpansion() {
    ChartContainer c = TestPods.connect(new ContainerBuilder().withName("spark-connect")
        .addNewEnv().withName("POD_IP").withNewValueFrom().withNewFieldRef().withFieldPath("status.podIP").endFieldRef()
        .endValueFrom().endEnv()
        .addNewEnv().withName("POD_NAME").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.name").endFieldRef()
        .endValueFrom().endEnv()
        .addNewEnv().withName("NAMESPACE").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.namespace")
        .endFieldRef().endValueFrom().endEnv()
        .addNewEnv().withName("COMPONENT").withNewValueFrom().withNewFieldRef()
        .withFieldPath("metadata.labels['app.kubernetes.io/component']").endFieldRef().endValueFrom().endEnv()
        .addNewEnv().withName("MODE").withNewValueFrom().withNewConfigMapKeyRef().withName("settings").withKey("mode")
        .endConfigMapKeyRef().endValueFrom().endEnv()
        .addNewEnv().withName("KEY_ID").withNewValueFrom().withNewSecretKeyRef().withName("creds").withKey("id")
        .endSecretKeyRef().endValueFrom().endEnv()
        .addNewEnv().withName("URL").withValue("http://$(POD_IP):4040/$(MODE) $$(POD_IP) $(LATER)").endEnv()
        .addNewEnv().withName("LATER").withValue("x").endEnv()
        .addNewEnv().withName("EMPTY").endEnv()
        .build(), new PodTemplateSpecBuilder());

    Map<String, String> env = ContainerEnv.resolve(c, "spark-test", OBJECTS, Map.of("SPARK_HOME", "/spark"),
        UnaryOperator.identity());

    assertThat(env).containsExactly(Map.entry("SPARK_HOME", "/spark"), Map.entry("POD_IP", "127.0.0.1"),
        Map.entry("POD_NAME", "connect"), Map.entry("NAMESPACE", "spark-test"), Map.entry("COMPONENT", "connect"),
        Map.entry("MODE", "fast"), Map.entry("KEY_ID", "AKIA"),
        Map.entry("URL", "http://127.0.0.1:4040/fast $(POD_IP) $(LATER)"), Map.entry("LATER", "x"),
        Map.entry("EMPTY", ""));
  }

  @Test
  void everyValueIsRewrittenAfterExpansion() {
    ChartContainer c = TestPods.connect(new ContainerBuilder().withName("spark-connect")
        .addNewEnv().withName("A").withValue("/opt").endEnv()
        .addNewEnv().withName("B").withValue("$(A)/spark").endEnv().build(), new PodTemplateSpecBuilder());

    Map<String, String> env = ContainerEnv.resolve(c, "default", OBJECTS, Map.of(), v -> v.replace("/opt", "/run"));

    assertThat(env).containsEntry("A", "/run").containsEntry("B", "/run/spark");
  }

  @Test
  void aFieldTheDownwardApiDoesNotOfferAndAMissingRequiredKeyAreErrors() {
    ChartContainer unknownField = TestPods.connect(new ContainerBuilder().withName("spark-connect")
        .addNewEnv().withName("X").withNewValueFrom().withNewFieldRef().withFieldPath("status.phase").endFieldRef()
        .endValueFrom().endEnv().build(), new PodTemplateSpecBuilder());
    ChartContainer missingKey = TestPods.connect(new ContainerBuilder().withName("spark-connect")
        .addNewEnv().withName("X").withNewValueFrom().withNewConfigMapKeyRef().withName("settings").withKey("absent")
        .endConfigMapKeyRef().endValueFrom().endEnv().build(), new PodTemplateSpecBuilder());
    ChartContainer optionalKey = TestPods.connect(new ContainerBuilder().withName("spark-connect")
        .addNewEnv().withName("X").withNewValueFrom().withNewConfigMapKeyRef().withName("settings").withKey("absent")
        .withOptional(true).endConfigMapKeyRef().endValueFrom().endEnv().build(), new PodTemplateSpecBuilder());

    assertThatThrownBy(() -> ContainerEnv.resolve(unknownField, "default", OBJECTS, Map.of(), UnaryOperator.identity()))
        .isInstanceOf(LocalRuntimeException.class).hasMessageStartingWith("connect: fieldRef status.phase is not a field");
    assertThatThrownBy(() -> ContainerEnv.resolve(missingKey, "default", OBJECTS, Map.of(), UnaryOperator.identity()))
        .isInstanceOf(LocalRuntimeException.class).hasMessageContaining("needs ConfigMap settings key absent");
    assertThat(ContainerEnv.resolve(optionalKey, "default", OBJECTS, Map.of(), UnaryOperator.identity()))
        .doesNotContainKey("X");
  }
}
