package dev.sparkk8s.kube;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PolicyEngine;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a real cluster checks before a pod runs, as far as this machine can: Pod Security
 * "restricted" admission (the project's policy engine), the service account and the priority
 * class exist, every container has an image and requests within its limits.
 */
final class PodAdmission {

  private PodAdmission() {
  }

  /** Why the pod cannot run, or empty when it can. */
  static Optional<String> refuse(Pod pod, KubernetesClient client) {
    List<Finding> pss = PolicyEngine.standard().check(List.of(pod)).stream()
        .filter(f -> f.rule().startsWith("pss-")).toList();
    if (!pss.isEmpty()) {
      return Optional.of("violates PodSecurity \"restricted:latest\": " + String.join("; ",
          pss.stream().map(f -> f.rule() + " " + f.field()).toList()));
    }
    String account = Optional.ofNullable(pod.getSpec().getServiceAccountName()).orElse("default");
    if (client.serviceAccounts().inNamespace(pod.getMetadata().getNamespace()).withName(account).get() == null) {
      return Optional.of("serviceaccount \"" + account + "\" not found");
    }
    String priorityClass = pod.getSpec().getPriorityClassName();
    if (priorityClass != null && client.scheduling().v1().priorityClasses().withName(priorityClass).get() == null) {
      return Optional.of("no PriorityClass with name " + priorityClass + " was found");
    }
    for (Container c : pod.getSpec().getContainers()) {
      if (c.getImage() == null || c.getImage().isBlank()) {
        return Optional.of("container " + c.getName() + " has no image");
      }
      Optional<String> resources = requestsWithinLimits(c);
      if (resources.isPresent()) {
        return resources;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> requestsWithinLimits(Container c) {
    ResourceRequirements r = c.getResources();
    if (r == null || r.getRequests() == null || r.getLimits() == null) {
      return Optional.empty();
    }
    for (Map.Entry<String, Quantity> request : r.getRequests().entrySet()) {
      Quantity limit = r.getLimits().get(request.getKey());
      if (limit != null && Quantity.getAmountInBytes(request.getValue()).compareTo(Quantity.getAmountInBytes(limit)) > 0) {
        return Optional.of("container " + c.getName() + ": " + request.getKey() + " request " + request.getValue()
            + " exceeds its limit " + limit);
      }
    }
    return Optional.empty();
  }
}
