package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.common.Poll;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The controllers that create pods ({@link ControllerManager#withPods}): a Deployment's ReplicaSet creates its pod,
 * owned as a real controller owns it, and is ready only once the pod is; a template change recreates it; a
 * StatefulSet creates its replicas in order and replaces them on a template change; the garbage collector removes
 * what a deleted Deployment owned; a Job runs one pod to its end and, deleted in the foreground, waits for it. The test plays the kubelet: it reports a pod Ready.
 */
@Timeout(60)
class ControllerManagerTest {

  private static final String NS = "ctl";

  private final MockKubernetesApi api = new MockKubernetesApi();
  private final KubernetesClient client = api.client();
  private final ControllerManager controllers = ControllerManager.withPods(client);

  ControllerManagerTest() {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
  }

  @AfterEach
  void close() {
    controllers.close();
    api.close();
  }

  @Test
  void aDeploymentsPodIsCreatedOwnedRecreatedOnATemplateChangeAndCollectedWithIt() {
    Deployment deployment = client.resource(new DeploymentBuilder().withNewMetadata().withName("web").withNamespace(NS)
        .endMetadata().withNewSpec().withReplicas(1).withNewSelector().addToMatchLabels("app", "web").endSelector()
        .withTemplate(template("web", "image:1")).endSpec().build()).create();

    Pod first = awaitPod(p -> p.getMetadata().getName().startsWith("web-"));
    assertThat(first.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("ReplicaSet"))
        .satisfies(o -> assertThat(o.getController()).isTrue());
    assertThat(first.getMetadata().getLabels()).containsEntry("app", "web");
    assertThat(readyReplicas()).isZero();
    ready(first);
    assertThat(Poll.every(Duration.ofMillis(100), Duration.ofSeconds(10)).until(() -> readyReplicas() == 1)).isTrue();

    client.apps().deployments().inNamespace(NS).withName("web").edit(d -> {
      d.getSpec().setTemplate(template("web", "image:2"));
      return d;
    });

    Pod second = awaitPod(p -> p.getSpec().getContainers().get(0).getImage().equals("image:2"));
    assertThat(pods()).extracting(p -> p.getMetadata().getName()).containsExactly(second.getMetadata().getName());

    client.resource(deployment).delete();

    assertThat(Poll.every(Duration.ofMillis(100), Duration.ofSeconds(10))
        .until(() -> pods().isEmpty() && client.apps().replicaSets().inNamespace(NS).list().getItems().isEmpty()))
        .isTrue();
  }

  @Test
  void aStatefulSetCreatesItsReplicasInOrderAndReplacesThemOnATemplateChange() {
    client.resource(new StatefulSetBuilder().withNewMetadata().withName("db").withNamespace(NS).endMetadata()
        .withNewSpec().withReplicas(2).withServiceName("db").withNewSelector().addToMatchLabels("app", "db")
        .endSelector().withTemplate(template("db", "image:1")).endSpec().build()).create();

    Pod zero = awaitPod(p -> p.getMetadata().getName().equals("db-0"));
    assertThat(zero.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("StatefulSet"));
    assertThat(pods()).as("db-1 waits for db-0 to be Ready (OrderedReady)").hasSize(1);
    ready(zero);
    ready(awaitPod(p -> p.getMetadata().getName().equals("db-1")));
    assertThat(Poll.every(Duration.ofMillis(100), Duration.ofSeconds(10))
        .until(() -> statefulSet().getStatus().getReadyReplicas() == 2)).isTrue();

    client.apps().statefulSets().inNamespace(NS).withName("db").edit(s -> {
      s.getSpec().setTemplate(template("db", "image:2"));
      return s;
    });

    ready(awaitPod(p -> p.getMetadata().getName().equals("db-1") && image(p).equals("image:2")));
    ready(awaitPod(p -> p.getMetadata().getName().equals("db-0") && image(p).equals("image:2")));
    assertThat(Poll.every(Duration.ofMillis(100), Duration.ofSeconds(10)).until(() ->
        statefulSet().getStatus().getCurrentRevision().equals(statefulSet().getStatus().getUpdateRevision())
            && statefulSet().getStatus().getReadyReplicas() == 2)).isTrue();
    assertThat(pods()).extracting(ControllerManagerTest::image).containsOnly("image:2");
  }

  @Test
  void aJobRunsOnePodToItsEndAndADeletionInTheForegroundStopsItsPodFirst() {
    Job pi = job("pi");
    Pod pod = awaitPod(p -> p.getMetadata().getName().startsWith("pi-"));
    assertThat(pod.getMetadata().getLabels()).containsEntry("app", "pi").containsEntry("job-name", "pi")
        .containsEntry("controller-uid", pi.getMetadata().getUid())
        .containsEntry("batch.kubernetes.io/job-name", "pi");
    assertThat(pod.getMetadata().getOwnerReferences()).singleElement()
        .satisfies(o -> assertThat(o.getKind()).isEqualTo("Job"))
        .satisfies(o -> assertThat(o.getController()).isTrue());
    ready(pod);
    assertThat(Poll.every(Duration.ofMillis(100), Duration.ofSeconds(10))
        .until(() -> Integer.valueOf(1).equals(job("pi", j -> j.getStatus().getReady())))).isTrue();
    phase(pod, "Succeeded");
    assertThat(Poll.every(Duration.ofMillis(100), Duration.ofSeconds(10)).until(() -> conditions("pi").size() == 2))
        .isTrue();
    assertThat(conditions("pi")).containsExactly("SuccessCriteriaMet", "Complete");
    Integer succeeded = job("pi", j -> j.getStatus().getSucceeded());
    Integer active = job("pi", j -> j.getStatus().getActive());
    assertThat(succeeded).isEqualTo(1);
    assertThat(active).isZero();

    job("failing");
    phase(awaitPod(p -> p.getMetadata().getName().startsWith("failing-")), "Failed");
    assertThat(Poll.every(Duration.ofMillis(100), Duration.ofSeconds(10)).until(() -> conditions("failing").size() == 2))
        .isTrue();
    assertThat(conditions("failing")).containsExactly("FailureTarget", "Failed");
    String reason = job("failing", j -> j.getStatus().getConditions().get(1).getReason());
    assertThat(reason).isEqualTo("BackoffLimitExceeded");
    assertThat(pods().stream().filter(p -> p.getMetadata().getName().startsWith("failing-")))
        .as("backoffLimit 0: no second pod").hasSize(1);

    job("long");
    Pod running = awaitPod(p -> p.getMetadata().getName().startsWith("long-"));
    // Bound to a node, so that its deletion is graceful: its kubelet must stop it.
    client.pods().inNamespace(NS).withName(running.getMetadata().getName())
        .edit(p -> new PodBuilder(p).editSpec().withNodeName("node").endSpec().build());
    client.batch().v1().jobs().inNamespace(NS).withName("long").withPropagationPolicy(DeletionPropagation.FOREGROUND)
        .delete();

    Pod terminating = awaitPod(p -> p.getMetadata().getName().equals(running.getMetadata().getName())
        && p.getMetadata().getDeletionTimestamp() != null);
    Job deleting = client.batch().v1().jobs().inNamespace(NS).withName("long").get();
    assertThat(deleting.getMetadata().getDeletionTimestamp()).as("the Job waits for its pod").isNotNull();
    client.pods().inNamespace(NS).withName(terminating.getMetadata().getName()).withGracePeriod(0).delete();
    assertThat(Poll.every(Duration.ofMillis(100), Duration.ofSeconds(10))
        .until(() -> client.batch().v1().jobs().inNamespace(NS).withName("long").get() == null)).isTrue();
  }

  private Job job(String name) {
    return client.resource(new JobBuilder().withNewMetadata().withName(name).withNamespace(NS).endMetadata()
        .withNewSpec().withBackoffLimit(0).withTemplate(new PodTemplateSpecBuilder(template(name, "image:1"))
            .editSpec().withRestartPolicy("Never").endSpec().build()).endSpec().build()).create();
  }

  private <T> T job(String name, java.util.function.Function<Job, T> what) {
    Job job = client.batch().v1().jobs().inNamespace(NS).withName(name).get();
    return job == null || job.getStatus() == null ? null : what.apply(job);
  }

  private List<String> conditions(String job) {
    List<String> types = job(job, j -> j.getStatus().getConditions() == null ? List.<String>of()
        : j.getStatus().getConditions().stream().map(c -> c.getType()).toList());
    return types == null ? List.of() : types;
  }

  /** What the kubelet reports once the pod's container has ended. */
  private void phase(Pod pod, String phase) {
    Pod current = client.pods().inNamespace(NS).withName(pod.getMetadata().getName()).get();
    current.setStatus(new PodStatusBuilder().withPhase(phase).build());
    client.pods().inNamespace(NS).resource(current).updateStatus();
  }

  private static PodTemplateSpec template(String app, String image) {
    return new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", app).endMetadata()
        .withNewSpec().addNewContainer().withName(app).withImage(image).endContainer().endSpec().build();
  }

  private static String image(Pod pod) {
    return pod.getSpec().getContainers().get(0).getImage();
  }

  private StatefulSet statefulSet() {
    return client.apps().statefulSets().inNamespace(NS).withName("db").get();
  }

  private int readyReplicas() {
    Deployment d = client.apps().deployments().inNamespace(NS).withName("web").get();
    return d.getStatus() == null || d.getStatus().getReadyReplicas() == null ? 0 : d.getStatus().getReadyReplicas();
  }

  private List<Pod> pods() {
    return client.pods().inNamespace(NS).list().getItems();
  }

  private Pod awaitPod(Predicate<Pod> which) {
    Optional<Pod> pod = Poll.every(Duration.ofMillis(100), Duration.ofSeconds(10))
        .until(() -> pods().stream().filter(which).findFirst());
    assertThat(pod).as("pods: %s", pods()).isPresent();
    return pod.get();
  }

  /** What the kubelet reports once the pod's containers pass their readiness probes. */
  private void ready(Pod pod) {
    Pod current = client.pods().inNamespace(NS).withName(pod.getMetadata().getName()).get();
    current.setStatus(new PodStatusBuilder().withPhase("Running").addNewCondition().withType("Ready").withStatus("True")
        .endCondition().build());
    client.pods().inNamespace(NS).resource(current).updateStatus();
  }
}
