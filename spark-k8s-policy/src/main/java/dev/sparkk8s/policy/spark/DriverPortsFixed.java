package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Executors connect back to the driver on {@code spark.driver.port} and {@code spark.driver.blockManager.port}.
 * Both must be fixed, declared on the container that runs the driver, and exposed by a Service selecting
 * its pods, whatever the backend.
 */
public final class DriverPortsFixed implements Rule {

  public static final String ID = "spark/driver-ports-fixed";

  /** A driver port: the Spark key it is read from and the chart value that sets it. */
  private record DriverPort(String key, int number, String chartKey) {
  }

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (SparkConf conf : SparkConfs.release(manifests)) {
      List<DriverPort> ports = new ArrayList<>();
      port(conf, "spark.driver.port", "spark.driver.port", out).ifPresent(ports::add);
      // Spark falls back to spark.blockManager.port for the driver's block manager.
      String blockManagerKey = conf.get("spark.driver.blockManager.port").isEmpty()
          && conf.get("spark.blockManager.port").isPresent()
          ? "spark.blockManager.port" : "spark.driver.blockManager.port";
      port(conf, blockManagerKey, "spark.driver.blockManagerPort", out)
          .ifPresent(ports::add);
      for (SparkServer server : SparkServer.mounting(manifests, (ConfigMap) conf.owner())) {
        checkContainer(server, ports, out);
        checkServices(manifests, server, ports, out);
      }
    }
  }

  private static Optional<DriverPort> port(SparkConf conf, String key, String chartKey, List<Finding> out) {
    String value = conf.get(key).orElse(null);
    String fix = "set the chart value " + chartKey + " to a fixed port";
    if (value == null) {
      out.add(conf.finding(ID, key, key + " is unset, so Spark picks a random port that no Service exposes", fix));
      return Optional.empty();
    }
    try {
      int number = Integer.parseInt(value);
      if (number > 0 && number <= 65535) {
        return Optional.of(new DriverPort(key, number, chartKey));
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    out.add(conf.finding(ID, key, key + " " + value + " is not a fixed port (1-65535)", fix));
    return Optional.empty();
  }

  private static void checkContainer(SparkServer server, List<DriverPort> ports, List<Finding> out) {
    List<ContainerPort> declared = containerPorts(server);
    for (DriverPort port : ports) {
      if (declared.stream().noneMatch(p -> p.getContainerPort() != null && p.getContainerPort() == port.number())) {
        out.add(server.site().onContainer(ID, server.container(), "ports",
            port.key() + " " + port.number() + " is not declared as a containerPort",
            "declare containerPort " + port.number() + " (the chart derives it from " + port.chartKey() + ")"));
      }
    }
  }

  private static void checkServices(Manifests manifests, SparkServer server, List<DriverPort> ports,
      List<Finding> out) {
    List<Service> selecting = manifests.all(Service.class).stream()
        .filter(s -> Manifests.sameNamespace(s, server.site().owner()) && ServiceSelection.selects(s, server.site()))
        .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
        .toList();
    if (selecting.isEmpty()) {
      out.add(server.site().onMetadata(ID, server.container().name(), "labels",
          "no Service selects these pod labels, so executors cannot reach the driver ports",
          "render a Service selecting the server's pods that exposes " + ports.stream().map(DriverPort::chartKey).toList()));
      return;
    }
    for (DriverPort port : ports) {
      boolean exposed = selecting.stream()
          .anyMatch(s -> ServiceSelection.targetPorts(s, server.site()).contains(port.number()));
      if (!exposed) {
        Service first = selecting.get(0);
        out.add(new Finding(ID, Manifests.ref(first), null, "spec.ports",
            "no Service selecting " + server.site().resource() + " "
                + selecting.stream().map(s -> s.getMetadata().getName()).toList()
                + " targets " + port.key() + " " + port.number(),
            "add a port targeting " + port.number() + " (the chart derives it from " + port.chartKey() + ")"));
      }
    }
  }

  private static List<ContainerPort> containerPorts(SparkServer server) {
    List<ContainerPort> ports = server.container().container().getPorts();
    return ports == null ? List.of() : ports;
  }
}
