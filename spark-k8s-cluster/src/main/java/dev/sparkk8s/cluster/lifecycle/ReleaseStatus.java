package dev.sparkk8s.cluster.lifecycle;

import com.marcnuri.helm.Release;
import dev.sparkk8s.cluster.ClusterInputException;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;

/**
 * A release on a cluster as {@code status} shows it: Helm's record (chart, revision, state, the values its user gave),
 * each pod of the release with its component, phase, readiness and restarts (executor pods included: the chart's
 * template labels them as the release's), and the Connect URL inside the cluster.
 */
public record ReleaseStatus(String release, String namespace, String chart, String revision, String state,
    String userValues, List<PodStatus> pods, String connectUrl) {

  /** One pod: {@code component} is the chart's, {@code executor} for Spark's executor pods. */
  public record PodStatus(String name, String component, String phase, boolean ready, int restarts) {
  }

  public static ReleaseStatus read(KubernetesClient client, HelmRelease release) {
    Release helm = release.current().orElseThrow(() -> new ClusterInputException("no Helm release " + release.name()
        + " in namespace " + release.namespace()));
    List<PodStatus> pods = client.pods().inNamespace(release.namespace()).withLabel(ChartLabels.INSTANCE,
            release.name()).list().getItems().stream().map(ReleaseStatus::pod)
        .sorted(Comparator.comparing(PodStatus::component).thenComparing(PodStatus::name)).toList();
    String connectUrl = client.services().inNamespace(release.namespace()).withLabel(ChartLabels.INSTANCE,
            release.name()).withLabel(ChartLabels.COMPONENT, Component.CONNECT.label()).list().getItems().stream()
        .filter(s -> s.getSpec().getPorts().stream().anyMatch(p -> "grpc".equals(p.getName())))
        .findFirst().map(s -> url(s, release.namespace())).orElse("");
    return new ReleaseStatus(release.name(), release.namespace(), helm.getChart(), helm.getRevision(),
        helm.getStatus(), release.userValues().strip(), pods, connectUrl);
  }

  private static PodStatus pod(Pod pod) {
    String component = ChartLabels.SPARK_ROLE_EXECUTOR.equals(pod.getMetadata().getLabels().get(ChartLabels.SPARK_ROLE))
        ? ChartLabels.SPARK_ROLE_EXECUTOR
        : pod.getMetadata().getLabels().getOrDefault(ChartLabels.COMPONENT, "");
    List<ContainerStatus> containers = pod.getStatus() == null ? List.of() : pod.getStatus().getContainerStatuses();
    boolean ready = !containers.isEmpty() && containers.stream().allMatch(c -> Boolean.TRUE.equals(c.getReady()));
    int restarts = containers.stream().mapToInt(c -> c.getRestartCount() == null ? 0 : c.getRestartCount()).sum();
    String phase = pod.getStatus() == null || pod.getStatus().getPhase() == null ? "Unknown" : pod.getStatus().getPhase();
    return new PodStatus(pod.getMetadata().getName(), component, phase, ready, restarts);
  }

  private static String url(Service service, String namespace) {
    int port = service.getSpec().getPorts().stream().filter(p -> "grpc".equals(p.getName())).findFirst().orElseThrow()
        .getPort();
    return "sc://" + service.getMetadata().getName() + "." + namespace + ".svc:" + port;
  }
}
