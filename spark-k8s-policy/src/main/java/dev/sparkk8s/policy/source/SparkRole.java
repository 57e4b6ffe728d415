package dev.sparkk8s.policy.source;

import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The driver or executor of a SparkApplication, and how Spark picks its main container out of a pod
 * template: the container named by {@code spark.kubernetes.<role>.podTemplateContainerName}, else one with
 * Spark's default name, else the first; with no container at all Spark adds one with the default name.
 */
public enum SparkRole {
  DRIVER("driver", List.of(ContainerNames.SPARK_DEFAULT_DRIVER)),
  EXECUTOR("executor", List.of(ContainerNames.SPARK_DEFAULT_EXECUTOR, "executor"));

  private final String role;
  private final List<String> defaultNames;

  SparkRole(String role, List<String> defaultNames) {
    this.role = role;
    this.defaultNames = defaultNames;
  }

  public String role() {
    return role;
  }

  public String containerNameKey() {
    return "spark.kubernetes." + role + ".podTemplateContainerName";
  }

  /** The name of the container Spark runs in, as {@link #mainContainer} picks it, when the pod has one. */
  public Optional<String> mainContainerName(PodSpec spec, Map<String, String> sparkConf) {
    if (spec.getContainers() == null || spec.getContainers().isEmpty()) {
      return Optional.empty();
    }
    PodSpec copy = new PodSpec();
    copy.setContainers(new ArrayList<>(spec.getContainers()));
    return Optional.of(copy.getContainers().get(mainContainer(copy, sparkConf)).getName());
  }

  /**
   * The index of the main container in {@code spec.containers}; when there is none, an empty container is
   * added, as Spark does, and its index returned.
   */
  int mainContainer(PodSpec spec, Map<String, String> sparkConf) {
    List<Container> containers = spec.getContainers() == null ? new ArrayList<>() : new ArrayList<>(spec.getContainers());
    spec.setContainers(containers);
    String configured = sparkConf.get(containerNameKey());
    List<String> wanted = new ArrayList<>();
    if (configured != null) {
      wanted.add(configured);
    }
    wanted.addAll(defaultNames);
    for (String name : wanted) {
      for (int i = 0; i < containers.size(); i++) {
        if (name.equals(containers.get(i).getName())) {
          return i;
        }
      }
    }
    if (!containers.isEmpty()) {
      return 0;
    }
    containers.add(new ContainerBuilder().withName(configured != null ? configured : defaultNames.get(0)).build());
    return 0;
  }
}
