package dev.sparkk8s.kube;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cluster's controllers for the workloads of a release, in one of two ways.
 *
 * <ul>
 *   <li>{@link #ControllerManager(KubernetesClient)}, without pods: a Deployment gets a ReplicaSet for its current
 *   template (the old ones go) and both report every replica ready; a StatefulSet reports its replicas ready at its
 *   current revision. Helm's wait ({@code --atomic}) sees them ready although nothing runs.</li>
 *   <li>{@link #withPods(KubernetesClient)}, as a cluster's do: a Deployment's ReplicaSet for its template creates
 *   its pods ({@link ReplicaSetController}); on a template change the old ReplicaSets go, their pods are deleted and
 *   the new ReplicaSet is scaled up once they are gone (the chart's Connect Deployment is {@code Recreate}, and every
 *   Deployment is rolled out so here, since pods share this machine's ports); a StatefulSet creates its replicas and
 *   replaces them on a template change ({@link StatefulSetController}); a Job runs its pod to its end
 *   ({@link JobController}); readiness comes from the pods' Ready
 *   condition, which a {@link LocalKubelet} reports once their processes pass their readiness probes; the garbage
 *   collector deletes what lost its owners and, for an owner deleted in the foreground, its dependents first
 *   ({@link GarbageCollector}); every namespace gets its {@code default}
 *   ServiceAccount.</li>
 * </ul>
 * Either way a Service gets a cluster IP.
 */
public final class ControllerManager implements AutoCloseable {

  private final KubernetesClient client;
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "controller-manager");
    t.setDaemon(true);
    return t;
  });
  private final AtomicInteger nextIp = new AtomicInteger(10);
  private final boolean pods;
  private final ReplicaSetController replicaSets;
  private final StatefulSetController statefulSets;
  private final JobController jobs;
  private final GarbageCollector garbageCollector;

  /** Controllers that report workloads ready without creating pods. */
  public ControllerManager(KubernetesClient client) {
    this(client, false);
  }

  private ControllerManager(KubernetesClient client, boolean pods) {
    this.client = client;
    this.pods = pods;
    this.replicaSets = new ReplicaSetController(client);
    this.statefulSets = new StatefulSetController(client);
    this.jobs = new JobController(client);
    this.garbageCollector = new GarbageCollector(client);
    loop.scheduleWithFixedDelay(this::reconcile, 0, 200, TimeUnit.MILLISECONDS);
  }

  /** Controllers that create the workloads' pods, for a {@link LocalKubelet} to run them. */
  public static ControllerManager withPods(KubernetesClient client) {
    return new ControllerManager(client, true);
  }

  private void reconcile() {
    try {
      client.services().inAnyNamespace().list().getItems().forEach(this::assignClusterIp);
      if (pods) {
        reconcilePods();
      } else {
        client.apps().deployments().inAnyNamespace().list().getItems().forEach(this::rollOut);
        client.apps().statefulSets().inAnyNamespace().list().getItems().forEach(this::rollOut);
      }
    } catch (KubernetesClientException | IllegalStateException e) {
      // the next round sees the objects again
    }
  }

  private void reconcilePods() {
    client.namespaces().list().getItems().forEach(this::defaultServiceAccount);
    garbageCollector.collect();
    for (Deployment deployment : client.apps().deployments().inAnyNamespace().list().getItems()) {
      recreate(deployment, podsOf(deployment.getMetadata().getNamespace()));
    }
    for (ReplicaSet replicaSet : client.apps().replicaSets().inAnyNamespace().list().getItems()) {
      replicaSets.reconcile(replicaSet, podsOf(replicaSet.getMetadata().getNamespace()));
    }
    for (StatefulSet statefulSet : client.apps().statefulSets().inAnyNamespace().list().getItems()) {
      statefulSets.reconcile(statefulSet, podsOf(statefulSet.getMetadata().getNamespace()));
    }
    for (Job job : client.batch().v1().jobs().inAnyNamespace().list().getItems()) {
      jobs.reconcile(job, podsOf(job.getMetadata().getNamespace()));
    }
  }

  private List<Pod> podsOf(String namespace) {
    return client.pods().inNamespace(namespace).list().getItems();
  }

  private void defaultServiceAccount(Namespace namespace) {
    var accounts = client.serviceAccounts().inNamespace(namespace.getMetadata().getName());
    if (accounts.withName("default").get() == null) {
      accounts.resource(new ServiceAccountBuilder().withNewMetadata().withName("default").endMetadata().build())
          .create();
    }
  }

  /**
   * A Deployment rolled out as {@code Recreate}: the ReplicaSet of its current template, the others deleted; the new
   * one has no replicas while a pod of an old one is left. Its status is its new ReplicaSet's.
   */
  private void recreate(Deployment deployment, List<Pod> namespacePods) {
    String namespace = deployment.getMetadata().getNamespace();
    String name = replicaSetName(deployment);
    String prefix = deployment.getMetadata().getName() + "-";
    for (ReplicaSet old : client.apps().replicaSets().inNamespace(namespace).list().getItems()) {
      if (PodConditions.controlledBy(old, deployment.getMetadata().getUid()) && !old.getMetadata().getName().equals(name)) {
        client.resource(old).delete();
      }
    }
    boolean oldPodsLeft = namespacePods.stream().anyMatch(p -> p.getMetadata().getOwnerReferences() != null
        && p.getMetadata().getOwnerReferences().stream().anyMatch(o -> "ReplicaSet".equals(o.getKind())
        && o.getName().startsWith(prefix) && !o.getName().equals(name)));
    int replicas = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
    int wanted = oldPodsLeft ? 0 : replicas;
    ReplicaSet current = client.apps().replicaSets().inNamespace(namespace).withName(name).get();
    if (current == null) {
      current = client.resource(replicaSet(deployment, name, wanted)).create();
    } else if (!Objects.equals(current.getSpec().getReplicas(), wanted)) {
      current = client.apps().replicaSets().inNamespace(namespace).withName(name)
          .edit(rs -> new ReplicaSetBuilder(rs).editSpec().withReplicas(wanted).endSpec().build());
    }
    int ready = current.getStatus() == null || current.getStatus().getReadyReplicas() == null ? 0
        : current.getStatus().getReadyReplicas();
    int running = current.getStatus() == null || current.getStatus().getReplicas() == null ? 0
        : current.getStatus().getReplicas();
    var status = new DeploymentStatusBuilder().withObservedGeneration(deployment.getMetadata().getGeneration())
        .withReplicas(running).withReadyReplicas(ready).withUpdatedReplicas(running).withAvailableReplicas(ready)
        .withUnavailableReplicas(Math.max(0, replicas - ready)).build();
    if (!status.equals(deployment.getStatus())) {
      deployment.setStatus(status);
      client.resource(deployment).updateStatus();
    }
  }

  private static String replicaSetName(Deployment deployment) {
    return deployment.getMetadata().getName() + "-" + Integer.toHexString(deployment.getSpec().getTemplate().hashCode());
  }

  private static ReplicaSet replicaSet(Deployment deployment, String name, int replicas) {
    return new ReplicaSetBuilder()
        .withNewMetadata().withName(name).withNamespace(deployment.getMetadata().getNamespace())
        .withLabels(deployment.getSpec().getTemplate().getMetadata().getLabels())
        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("Deployment")
            .withName(deployment.getMetadata().getName()).withUid(deployment.getMetadata().getUid())
            .withController(true).withBlockOwnerDeletion(true).build())
        .endMetadata()
        .withNewSpec().withReplicas(replicas).withSelector(deployment.getSpec().getSelector())
        .withTemplate(deployment.getSpec().getTemplate()).endSpec()
        .build();
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
    String name = replicaSetName(deployment);
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
