package dev.sparkk8s.kube;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a cluster's controllers report for the workloads of a release, so that Helm's wait ({@code --atomic}) sees
 * them ready: a Deployment gets a ReplicaSet for its current template (the old ones go) and both report every replica
 * ready; a StatefulSet reports its replicas ready at its current revision; a Service gets a cluster IP. Nothing runs
 * here: which processes stand for the pods is the test's business (the local kubelet, {@code RenderedProcesses}).
 */
public final class ControllerManager implements AutoCloseable {

  private final KubernetesClient client;
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "controller-manager");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger nextIp = new AtomicInteger(10);

  public ControllerManager(KubernetesClient client) {
    this.client = client;
    loop.scheduleWithFixedDelay(this::reconcile, 0, 200, TimeUnit.MILLISECONDS);
  }

  private void reconcile() {
    try {
      client.services().inAnyNamespace().list().getItems().forEach(this::assignClusterIp);
      client.apps().deployments().inAnyNamespace().list().getItems().forEach(this::rollOut);
      client.apps().statefulSets().inAnyNamespace().list().getItems().forEach(this::rollOut);
    } catch (KubernetesClientException | IllegalStateException e) {
      // the next round sees the objects again
    }
  }

  private void assignClusterIp(Service service) {
    if (service.getSpec().getClusterIP() == null || service.getSpec().getClusterIP().isEmpty()) {
      service.getSpec().setClusterIP("10.96.0." + nextIp.getAndIncrement());
      service.getMetadata().setResourceVersion(null);
      client.resource(service).update();
    }
  }

  private void rollOut(Deployment deployment) {
    String namespace = deployment.getMetadata().getNamespace();
    int replicas = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
    String name = deployment.getMetadata().getName() + "-"
        + Integer.toHexString(deployment.getSpec().getTemplate().hashCode());
    for (ReplicaSet old : client.apps().replicaSets().inNamespace(namespace).list().getItems()) {
      if (old.getMetadata().getOwnerReferences().stream()
          .anyMatch(o -> o.getUid().equals(deployment.getMetadata().getUid()))
          && !old.getMetadata().getName().equals(name)) {
        client.resource(old).delete();
      }
    }
    if (client.apps().replicaSets().inNamespace(namespace).withName(name).get() == null) {
      ReplicaSet replicaSet = client.resource(new ReplicaSetBuilder()
          .withNewMetadata().withName(name).withNamespace(namespace)
          .withLabels(deployment.getSpec().getTemplate().getMetadata().getLabels())
          .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
              .withName(deployment.getMetadata().getName()).withUid(deployment.getMetadata().getUid())
              .withController(true).build())
          .endMetadata()
          .withNewSpec().withReplicas(replicas).withSelector(deployment.getSpec().getSelector())
          .withTemplate(deployment.getSpec().getTemplate()).endSpec()
          .build()).create();
      replicaSet.setStatus(new ReplicaSetStatusBuilder().withReplicas(replicas).withReadyReplicas(replicas)
          .withAvailableReplicas(replicas).withFullyLabeledReplicas(replicas)
          .withObservedGeneration(replicaSet.getMetadata().getGeneration()).build());
      client.resource(replicaSet).updateStatus();
    }
    Long generation = deployment.getMetadata().getGeneration();
    if (deployment.getStatus() == null || !Objects.equals(deployment.getStatus().getObservedGeneration(), generation)) {
      deployment.setStatus(new DeploymentStatusBuilder().withObservedGeneration(generation).withReplicas(replicas)
          .withReadyReplicas(replicas).withUpdatedReplicas(replicas).withAvailableReplicas(replicas).build());
      client.resource(deployment).updateStatus();
    }
  }

  private void rollOut(StatefulSet statefulSet) {
    Long generation = statefulSet.getMetadata().getGeneration();
    if (statefulSet.getStatus() == null
        || !Objects.equals(statefulSet.getStatus().getObservedGeneration(), generation)) {
      int replicas = Objects.requireNonNullElse(statefulSet.getSpec().getReplicas(), 1);
      String revision = statefulSet.getMetadata().getName() + "-" + generation;
      statefulSet.setStatus(new StatefulSetStatusBuilder().withObservedGeneration(generation).withReplicas(replicas)
          .withReadyReplicas(replicas).withUpdatedReplicas(replicas).withCurrentReplicas(replicas)
          .withAvailableReplicas(replicas).withCurrentRevision(revision).withUpdateRevision(revision).build());
      client.resource(statefulSet).updateStatus();
    }
  }

  @Override
  public void close() {
    loop.shutdownNow();
  }
}
