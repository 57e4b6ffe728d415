package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;

/** What every Connect server Deployment (kubernetes and standalone backends) must get right. */
final class ConnectServerWiring {

  private ConnectServerWiring() {
  }

  static Container check(ReleaseView view) {
    Map<String, String> conf = view.connectConf();
    Deployment deployment = view.deployment("connect");
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    Container server = ReleaseView.container(pod, "spark-connect");

    assertThat(conf).containsEntry("spark.connect.grpc.binding.port", "15002");

    // Executors reach the driver at its pod IP, never at a short Service name.
    assertThat(server.getArgs()).contains("spark.driver.host=$(SPARK_DRIVER_POD_IP)");
    EnvVar podIp = server.getEnv().stream().filter(e -> e.getName().equals("SPARK_DRIVER_POD_IP")).findFirst()
        .orElseThrow();
    assertThat(podIp.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
    assertThat(conf).doesNotContainKey("spark.driver.host");

    // Fixed driver ports, opened on the container and on a Service selecting this pod.
    int driverPort = Integer.parseInt(conf.get("spark.driver.port"));
    int blockManagerPort = Integer.parseInt(conf.get("spark.driver.blockManager.port"));
    assertThat(server.getPorts()).extracting(ContainerPort::getContainerPort)
        .contains(15002, driverPort, blockManagerPort);
    Service driverService = view.service("connect-driver");
    assertThat(driverService.getSpec().getClusterIP()).isEqualTo("None");
    assertThat(driverService.getSpec().getPorts()).extracting(ServicePort::getPort)
        .contains(driverPort, blockManagerPort);
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(driverService.getSpec().getSelector());
    Service clients = view.service("connect");
    assertThat(clients.getSpec().getPorts()).extracting(ServicePort::getPort).contains(15002);
    assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(clients.getSpec().getSelector());

    // spark-defaults comes from the chart's ConfigMap, read-only; nothing renders it at start.
    assertThat(pod.getInitContainers()).allSatisfy(
        init -> assertThat(init.getName()).isEqualTo("create-event-log-dir"));
    assertThat(server.getVolumeMounts()).anySatisfy(m -> {
      assertThat(m.getMountPath()).isEqualTo("/opt/spark/conf");
      assertThat(m.getReadOnly()).isTrue();
    });

    // Driver JVM heap + overhead is exactly the pod's memory request and limit.
    long heap = mib(conf.get("spark.driver.memory"));
    long overhead = mib(conf.get("spark.driver.memoryOverhead"));
    assertThat(server.getResources().getLimits().get("memory").toString()).isEqualTo((heap + overhead) + "Mi");
    assertThat(server.getResources().getRequests().get("memory").toString()).isEqualTo((heap + overhead) + "Mi");
    return server;
  }

  /** "1024m" -> 1024; the chart always writes MiB. */
  static long mib(String sparkMemory) {
    assertThat(sparkMemory).matches("[0-9]+m");
    return Long.parseLong(sparkMemory.substring(0, sparkMemory.length() - 1));
  }
}
