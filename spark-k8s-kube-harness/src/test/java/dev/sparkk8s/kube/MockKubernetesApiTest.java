package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the mock API does as a real API server does: a new pod is Pending; deleting a pod bound to
 * a node only marks it (its kubelet deletes it once its containers have stopped), while a pod
 * never scheduled, or a deletion with a grace period of 0, goes at once; a set-based label selector
 * selects.
 */
class MockKubernetesApiTest {

  private static final String NAMESPACE = "api-test";

  private final MockKubernetesApi api = new MockKubernetesApi();
  private final KubernetesClient client = api.client();

  @AfterEach
  void close() {
    api.close();
  }

  @Test
  void aNewPodIsPending() {
    assertThat(create(pod("p", null)).getStatus().getPhase()).isEqualTo("Pending");
  }

  @Test
  void deletingAPodOnANodeMarksItTerminatingUntilItIsDeletedWithAGracePeriodOfZero() {
    create(pod("bound", "local-node"));

    client.pods().inNamespace(NAMESPACE).withName("bound").delete();

    Pod terminating = client.pods().inNamespace(NAMESPACE).withName("bound").get();
    assertThat(terminating).as("a bound pod after a graceful delete").isNotNull();
    assertThat(terminating.getMetadata().getDeletionTimestamp()).isNotNull();
    assertThat(terminating.getMetadata().getDeletionGracePeriodSeconds()).isEqualTo(45L);

    client.pods().inNamespace(NAMESPACE).withName("bound").withGracePeriod(0).delete();
    assertThat(client.pods().inNamespace(NAMESPACE).withName("bound").get()).isNull();
  }

  @Test
  void aPodNeverScheduledIsDeletedAtOnce() {
    create(pod("pending", null));

    client.pods().inNamespace(NAMESPACE).withName("pending").delete();

    assertThat(client.pods().inNamespace(NAMESPACE).withName("pending").get()).isNull();
  }

  /** Spark picks the pods to label as decommissioning with a set-based selector. */
  @Test
  void aSetBasedLabelSelectorListsOnlyThePodsItNames() {
    for (String id : new String[] {"1", "2", "3"}) {
      Pod pod = pod("exec-" + id, null);
      pod.getMetadata().setLabels(Map.of("spark-exec-id", id, "spark-role", "executor"));
      create(pod);
    }

    assertThat(client.pods().inNamespace(NAMESPACE).withLabel("spark-role", "executor")
        .withLabelIn("spark-exec-id", "1", "2").list().getItems())
        .extracting(p -> p.getMetadata().getName()).containsExactlyInAnyOrder("exec-1", "exec-2");
  }

  private Pod create(Pod pod) {
    return client.pods().inNamespace(NAMESPACE).resource(pod).create();
  }

  private static Pod pod(String name, String nodeName) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
        .withNewSpec().withNodeName(nodeName).withTerminationGracePeriodSeconds(45L).addNewContainer().withName("c")
        .withImage("apache/spark:4.1.1").endContainer().endSpec().build();
  }
}
