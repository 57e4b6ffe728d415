package dev.sparkk8s.render.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.TestCharts;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every name of the contract is one the chart renders: a renamed template breaks this test, not a user's run. */
class ChartContractTest {

  private static final String FULLNAME = "rel";
  private static final String[] S3_EVENT_LOG = {"spark.image.repository=registry.example.com/spark-s3a",
      "spark.s3.enabled=true", "spark.s3.endpoint=http://s3.example:9000",
      "spark.eventLog.enabled=true", "spark.eventLog.dir=s3a://logs/spark-events", "spark.historyServer.enabled=true"};

  private static final List<RenderedRelease> RELEASES = Stream.of(
          request("spark.connect.mode.k8s.backend=kubernetes", "spark.jobs.enabled=true"),
          request("spark.connect.mode.k8s.backend=standalone"),
          request("spark.connect.mode.k8s.backend=operator"),
          request("spark.connect.mode.k8s.backend=operator", "spark.operator.flavor=kubeflow"),
          request("spark.connect.mode.k8s.backend=standalone", "monitoring.enabled=true",
              "monitoring.serviceMonitor.enabled=true", "monitoring.prometheusRule.enabled=true",
              "monitoring.grafanaDashboards.enabled=true", "security.connect.enabled=true",
              "security.connect.tls.existingSecret=connect-tls", "security.connect.token.existingSecret=connect-token"))
      .map(new ChartRenderer(TestCharts.real())::render)
      .toList();

  private static RenderRequest request(String... sets) {
    RenderRequest.Builder b = RenderRequest.builder().set("fullnameOverride", FULLNAME);
    Stream.concat(Arrays.stream(S3_EVENT_LOG), Arrays.stream(sets)).forEach(b::setArgument);
    return b.build();
  }

  private static Stream<HasMetadata> objects() {
    return RELEASES.stream().flatMap(r -> r.objects().stream());
  }

  @Test
  void everyComponentLabelsSomeObject() {
    Set<Component> rendered = objects().flatMap(o -> Component.of(o).stream()).collect(Collectors.toSet());

    assertThat(rendered).containsExactlyInAnyOrder(Component.values());
  }

  @Test
  void everyConfigMapHasItsNameComponentAndKey() {
    for (ChartConfigMap file : ChartConfigMap.values()) {
      assertThat(objects().filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast).filter(file::is))
          .as(file.name()).isNotEmpty()
          .allSatisfy(cm -> assertThat(cm.getMetadata().getName()).isEqualTo(file.name(FULLNAME)));
    }
    assertThat(objects().filter(ChartConfigMap.CONNECT_CONF.component()::labels)
        .map(o -> ((ConfigMap) o).getData().keySet()))
        .allSatisfy(keys -> assertThat(keys).contains(ChartConfigMap.LOG4J2));
  }

  @Test
  void everyContainerNameIsAContainerTheChartRenders() {
    for (String name : constants(ContainerNames.class)) {
      Pattern item = Pattern.compile("(?m)^\\s*(- )?name: " + Pattern.quote(name) + "$");
      assertThat(RELEASES).as(name).anySatisfy(r -> assertThat(r.yaml()).containsPattern(item));
    }
  }

  @Test
  void everyPortNameIsAContainerPortAndTheServicesUseTheSameNamesButMetrics() {
    Set<String> containerPorts = objects().flatMap(ChartContractTest::podTemplate)
        .flatMap(pod -> pod.getSpec().getContainers().stream())
        .flatMap(c -> c.getPorts() == null ? Stream.empty() : c.getPorts().stream())
        .map(ContainerPort::getName).collect(Collectors.toSet());
    Set<String> servicePorts = objects().filter(Service.class::isInstance)
        .flatMap(s -> ((Service) s).getSpec().getPorts().stream()).map(ServicePort::getName)
        .collect(Collectors.toSet());

    // The metrics Services name their one port for what it serves; it targets the component's UI port.
    Set<String> serviceOnly = Set.of(PortNames.METRICS);

    assertThat(containerPorts).containsExactlyInAnyOrderElementsOf(
        constants(PortNames.class).stream().filter(name -> !serviceOnly.contains(name)).toList());
    assertThat(servicePorts).containsAll(serviceOnly);
    assertThat(Stream.concat(containerPorts.stream(), serviceOnly.stream())).containsAll(servicePorts);
  }

  @Test
  void theBackendAnnotationAndTheSecurityProfileAreWritten() {
    assertThat(objects().filter(Component.SPARK_CONF::labels).map(o -> o.getMetadata().getAnnotations()))
        .isNotEmpty().allSatisfy(a -> assertThat(a).containsKey(ChartLabels.BACKEND_ANNOTATION));
    assertThat(objects().flatMap(ChartContractTest::podTemplate).map(p -> p.getMetadata().getAnnotations()))
        .isNotEmpty().allSatisfy(a -> assertThat(a).containsKey(ChartLabels.SECURITY_PROFILE_ANNOTATION));
  }

  @Test
  void everyObjectCarriesTheChartsLabels() {
    assertThat(objects().map(o -> o.getMetadata().getLabels())).allSatisfy(labels -> assertThat(labels)
        .containsKeys(ChartLabels.NAME, ChartLabels.INSTANCE, ChartLabels.COMPONENT, ChartLabels.PART_OF,
            ChartLabels.MANAGED_BY, ChartLabels.HELM_CHART));
  }

  private static Stream<PodTemplateSpec> podTemplate(HasMetadata o) {
    return Stream.of(o instanceof Deployment d ? d.getSpec().getTemplate()
        : o instanceof StatefulSet s ? s.getSpec().getTemplate() : null).filter(Objects::nonNull);
  }

  private static List<String> constants(Class<?> type) {
    return Arrays.stream(type.getFields())
        .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
        .map(ChartContractTest::value).toList();
  }

  private static String value(Field f) {
    try {
      return (String) f.get(null);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
