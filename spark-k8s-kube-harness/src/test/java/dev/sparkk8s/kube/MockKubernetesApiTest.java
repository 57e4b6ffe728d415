package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the mock API does as a real API server does: a new pod is Pending; deleting a pod bound to
 * a node only marks it (its kubelet deletes it once its containers have stopped), while a pod
 * never scheduled, or a deletion with a grace period of 0, goes at once.
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

  private Pod create(Pod pod) {
    return client.pods().inNamespace(NAMESPACE).resource(pod).create();
  }

  private static Pod pod(String name, String nodeName) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).endMetadata()
        .withNewSpec().withNodeName(nodeName).withTerminationGracePeriodSeconds(45L).addNewContainer().withName("c")
        .withImage("apache/spark:4.1.1").endContainer().endSpec().build();
  }
}
