package dev.sparkk8s.kube;

import dev.sparkk8s.common.Poll;
import dev.sparkk8s.local.SparkHome;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.PortNames;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A cluster on this machine for releases installed with Helm: the mock API ({@link MockKubernetesApi}), controllers
 * that create the workloads' pods ({@link ControllerManager#withPods}), and one node whose kubelet
 * ({@link LocalKubelet}) runs every pod of one namespace, the release's and the executors Spark creates, as local
 * processes; a pod's log ({@code kubectl logs}) is its container's output, for the pods the kubelet runs as a
 * workload's or a Job's. Its kubeconfig is what a user's would be.
 */
public final class LocalCluster implements AutoCloseable {

  private final MockKubernetesApi api;
  private final ControllerManager controllers;
  private final LocalKubelet kubelet;
  private final String namespace;
  private final Path kubeconfig;

  private LocalCluster(MockKubernetesApi api, ControllerManager controllers, LocalKubelet kubelet, String namespace,
      Path kubeconfig) {
    this.api = api;
    this.controllers = controllers;
    this.kubelet = kubelet;
    this.namespace = namespace;
    this.kubeconfig = kubeconfig;
  }

  /**
   * A cluster with the namespace, whose pods run with the Spark home of their image's line ({@code sparkVersion}'s
   * when the image names none); files under {@code runDir}.
   */
  public static LocalCluster start(String namespace, String sparkVersion, Path runDir) {
    MockKubernetesApi api = new MockKubernetesApi();
    ControllerManager controllers = null;
    try {
      api.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata()
          .build()).create();
      controllers = ControllerManager.withPods(api.client());
      LocalKubelet kubelet = new LocalKubelet(api.client(), namespace, SparkHome.built(sparkVersion), runDir).start();
      api.portForwardListening((pod, port) -> kubelet.runningWorkloadPods().contains(pod)
          ? kubelet.localPort(pod, port) : port);
      api.podLogs((ns, pod) -> ns.equals(namespace) ? kubelet.log(pod) : Optional.empty());
      Path kubeconfig = api.writeKubeconfig(runDir.resolve("kubeconfig"), namespace);
      return new LocalCluster(api, controllers, kubelet, namespace, kubeconfig);
    } catch (IOException e) {
      close(controllers, api);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      close(controllers, api);
      throw e;
    }
  }

  public Path kubeconfig() {
    return kubeconfig;
  }

  public KubernetesClient client() {
    return api.client();
  }

  public LocalKubelet kubelet() {
    return kubelet;
  }

  /** The release's Connect server pod that is Ready now, if one is. */
  public Optional<Pod> readyConnectPod(String release) {
    return readyPod(release, Component.CONNECT);
  }

  /** A pod of the release's component that is Ready now and runs on the kubelet, if one is. */
  public Optional<Pod> readyPod(String release, Component component) {
    return client().pods().inNamespace(namespace).withLabel(ChartLabels.INSTANCE, release)
        .withLabel(ChartLabels.COMPONENT, component.label()).list().getItems().stream()
        .filter(PodConditions::ready)
        .filter(p -> kubelet.runningWorkloadPods().contains(p.getMetadata().getName()))
        .findFirst();
  }

  /**
   * The URL of the release's Connect server where its Ready pod listens on this machine (its {@code grpc} container
   * port's local port), once it is Ready.
   */
  public String connectUrl(String release, Duration timeout) {
    return "sc://" + address(release, Component.CONNECT, PortNames.GRPC, timeout);
  }

  /**
   * {@code 127.0.0.1:<port>}: where a named container port of the Ready pod of the release's component listens on
   * this machine, once one is Ready.
   */
  public String address(String release, Component component, String portName, Duration timeout) {
    Pod pod = Poll.every(Duration.ofSeconds(1), timeout).until(() -> readyPod(release, component))
        .orElseThrow(() -> new IllegalStateException("no " + component.label() + " pod of release " + release
            + " was Ready within " + timeout.toSeconds() + " s; pods: " + podSummary()));
    int containerPort = pod.getSpec().getContainers().stream()
        .flatMap(c -> c.getPorts() == null ? java.util.stream.Stream.empty() : c.getPorts().stream())
        .filter(p -> portName.equals(p.getName())).findFirst()
        .orElseThrow(() -> new IllegalStateException(pod.getMetadata().getName() + " has no port " + portName))
        .getContainerPort();
    return "127.0.0.1:" + kubelet.localPort(pod.getMetadata().getName(), containerPort);
  }

  /** Every pod of the namespace, with its phase. */
  public List<String> podSummary() {
    return client().pods().inNamespace(namespace).list().getItems().stream()
        .map(p -> p.getMetadata().getName() + " " + (p.getStatus() == null ? "" : p.getStatus().getPhase())
            + (p.getMetadata().getDeletionTimestamp() == null ? "" : " (terminating)")
            + (p.getStatus() == null || p.getStatus().getMessage() == null ? "" : ": " + p.getStatus().getMessage()))
        .toList();
  }

  @Override
  public void close() {
    kubelet.close();
    close(controllers, api);
  }

  private static void close(ControllerManager controllers, MockKubernetesApi api) {
    if (controllers != null) {
      controllers.close();
    }
    api.close();
  }
}
