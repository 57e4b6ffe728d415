package dev.sparkk8s.local;

import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One container the chart rendered, as the pod instance that would run it: the workload's pod
 * template and its first container. StatefulSets give one instance per replica, each with the
 * claims of its volumeClaimTemplates as volumes, named as the StatefulSet controller names them.
 * A pod made from the chart's template (an executor pod Spark created) is its own instance.
 *
 * @param component the workload's component: master, worker, history, connect or executor
 * @param instance a name unique in the release, e.g. {@code worker-1}, or the pod's name
 */
record ChartContainer(Component component, String instance, PodTemplateSpec pod, Container container) {

  static final List<Component> PLATFORM = List.of(Component.MASTER, Component.WORKER, Component.HISTORY,
      Component.CONNECT);

  /** Kubernetes' terminationGracePeriodSeconds when the pod sets none. */
  private static final Duration DEFAULT_GRACE = Duration.ofSeconds(30);

  /** How long a kubelet lets the container stop after SIGTERM before it kills it. */
  Duration terminationGrace() {
    Long seconds = pod.getSpec().getTerminationGracePeriodSeconds();
    return seconds == null ? DEFAULT_GRACE : Duration.ofSeconds(seconds);
  }

  /** The platform's containers in start order: master, workers, History Server, Connect server. */
  static List<ChartContainer> of(RenderedRelease release) {
    return of(release.objects());
  }

  /**
   * The same for a release's workloads as they are in a cluster's API (its Deployments and StatefulSets), each
   * replica of a StatefulSet in ordinal order.
   */
  static List<ChartContainer> of(List<? extends HasMetadata> workloads) {
    List<ChartContainer> out = new ArrayList<>();
    for (Component component : PLATFORM) {
      String name = component.label();
      for (var o : workloads.stream().filter(component::labels).toList()) {
        if (o instanceof StatefulSet sts) {
          int replicas = sts.getSpec().getReplicas() == null ? 1 : sts.getSpec().getReplicas();
          for (int i = 0; i < replicas; i++) {
            out.add(of(component, replicas == 1 ? name : name + "-" + (i + 1), withClaims(sts, i)));
          }
        } else if (o instanceof Deployment d) {
          out.add(of(component, name, d.getSpec().getTemplate()));
        }
      }
    }
    return out;
  }

  /** The pod template of replica {@code ordinal}, with a volume {@code <template>-<statefulset>-<ordinal>} per claim template. */
  private static PodTemplateSpec withClaims(StatefulSet sts, int ordinal) {
    List<PersistentVolumeClaim> claims = sts.getSpec().getVolumeClaimTemplates();
    if (claims == null || claims.isEmpty()) {
      return sts.getSpec().getTemplate();
    }
    PodTemplateSpecBuilder pod = new PodTemplateSpecBuilder(sts.getSpec().getTemplate());
    for (PersistentVolumeClaim claim : claims) {
      String name = claim.getMetadata().getName();
      pod.editSpec().addToVolumes(new VolumeBuilder().withName(name).withNewPersistentVolumeClaim()
          .withClaimName(name + "-" + sts.getMetadata().getName() + "-" + ordinal).endPersistentVolumeClaim().build())
          .endSpec();
    }
    return pod.build();
  }

  /** A pod as it is, e.g. an executor pod Spark created from the chart's template: the instance is the pod. */
  static ChartContainer of(Pod pod) {
    Component component = Component.of(pod).orElse(Component.EXECUTOR);
    return of(component, pod.getMetadata().getName(), new PodTemplateSpec(pod.getMetadata(), pod.getSpec()));
  }

  /** A pod a controller created for a workload, standing for that workload's instance {@code instance}. */
  static ChartContainer of(Pod pod, Component component, String instance) {
    return of(component, instance, new PodTemplateSpec(pod.getMetadata(), pod.getSpec()));
  }

  private static ChartContainer of(Component component, String instance, PodTemplateSpec pod) {
    return new ChartContainer(component, instance, pod, pod.getSpec().getContainers().get(0));
  }

  /** The pod's init containers, in the order a kubelet runs them, each as this instance's. */
  List<ChartContainer> initContainers() {
    List<Container> inits = pod.getSpec().getInitContainers() == null ? List.of() : pod.getSpec().getInitContainers();
    return inits.stream().map(init -> new ChartContainer(component, instance, pod, init)).toList();
  }

  /** Whether this is one of the pod's init containers rather than its (first) container. */
  boolean init() {
    return pod.getSpec().getInitContainers() != null && pod.getSpec().getInitContainers().contains(container);
  }

  /** The pod's other containers (e.g. the Connect server's TLS proxy), started after it, each as this instance's. */
  List<ChartContainer> sidecars() {
    List<Container> all = pod.getSpec().getContainers();
    return all.subList(1, all.size()).stream().map(other -> new ChartContainer(component, instance, pod, other)).toList();
  }

  /** Whether this is another container of its pod than the first, an init container or a sidecar. */
  boolean secondary() {
    return container != pod.getSpec().getContainers().get(0);
  }

  /** The ports of every container of the pod, which share its network. */
  List<ContainerPort> podPorts() {
    return pod.getSpec().getContainers().stream()
        .flatMap(other -> other.getPorts() == null ? Stream.<ContainerPort>empty() : other.getPorts().stream())
        .toList();
  }

  Map<String, String> labels() {
    return pod.getMetadata().getLabels();
  }
}
