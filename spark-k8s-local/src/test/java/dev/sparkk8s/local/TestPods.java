package dev.sparkk8s.local;

import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small Connect pod written out by hand (ports grpc 15002 and ui 4040, a work-dir emptyDir, a conf
 * ConfigMap), the Service in front of it, and its local ports 40002 and 40040.
 */
final class TestPods {

  static final String SERVICE = "local-spark-k8s-connect";

  private TestPods() {
  }

  static ChartContainer connect(Container container, PodTemplateSpecBuilder pod) {
    PodTemplateSpec template = pod.editOrNewMetadata().addToLabels("app.kubernetes.io/component", "connect").endMetadata()
        .editOrNewSpec().withContainers(container).endSpec().build();
    return new ChartContainer(Component.CONNECT, "connect", template, container);
  }

  static ChartContainer connect() {
    Container container = new ContainerBuilder().withName("spark-connect")
        .addNewPort().withName("grpc").withContainerPort(15002).endPort()
        .addNewPort().withName("ui").withContainerPort(4040).endPort()
        .addNewVolumeMount().withName("work-dir").withMountPath("/opt/spark/work-dir").endVolumeMount()
        .addNewVolumeMount().withName("conf").withMountPath("/opt/spark/conf").endVolumeMount()
        .build();
    return connect(container, new PodTemplateSpecBuilder().withNewSpec()
        .addNewVolume().withName("work-dir").withNewEmptyDir().endEmptyDir().endVolume()
        .addNewVolume().withName("conf").withNewConfigMap().withName("conf").endConfigMap().endVolume()
        .endSpec());
  }

  static Service service() {
    return new ServiceBuilder().withNewMetadata().withName(SERVICE).endMetadata().withNewSpec()
        .addToSelector("app.kubernetes.io/component", "connect")
        .addNewPort().withName("grpc").withPort(15002).withTargetPort(new IntOrString("grpc")).endPort()
        .endSpec().build();
  }

  static LocalAddresses addresses(ChartContainer c, Path runDir, Map<String, String> endpoints) {
    return new LocalAddresses(List.of(c), List.of(service()), "default", runDir,
        Map.of(c.instance(), Map.of(15002, 40002, 4040, 40040)), endpoints);
  }

  /** The addresses of a pod on its own: no Services, no ports, only its mounts. */
  static LocalAddresses mountsOnly(ChartContainer c, Path runDir) {
    return new LocalAddresses(List.of(c), List.of(), "default", runDir, Map.of(), Map.of());
  }

  static PodObjects objects(List<ConfigMap> configMaps, List<Secret> secrets) {
    return new PodObjects() {
      @Override
      public Optional<ConfigMap> configMap(String name) {
        return configMaps.stream().filter(cm -> cm.getMetadata().getName().equals(name)).findFirst();
      }

      @Override
      public Optional<Secret> secret(String name) {
        return secrets.stream().filter(s -> s.getMetadata().getName().equals(name)).findFirst();
      }
    };
  }

  static ConfigMap configMap(String name, Map<String, String> data) {
    return new ConfigMapBuilder().withNewMetadata().withName(name).endMetadata().withData(data).build();
  }
}
