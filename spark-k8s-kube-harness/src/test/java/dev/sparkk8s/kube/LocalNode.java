package dev.sparkk8s.kube;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one node the local kubelet runs pods on, as it registers itself in the API: its labels, its
 * taints, and the extended resources a device plugin would advertise on it (e.g.
 * {@code nvidia.com/gpu: 2}). CPU and memory are not counted: every pod fits this machine.
 */
public record LocalNode(String name, Map<String, String> labels, List<Taint> taints,
    Map<String, Integer> extendedResources) {

  public static final String NAME = "local-node";

  public LocalNode {
    labels = Map.copyOf(labels);
    taints = List.copyOf(taints);
    extendedResources = Map.copyOf(extendedResources);
  }

  /** A node with the well-known labels of its name, OS and architecture, no taints and no devices. */
  public static LocalNode standard() {
    return new LocalNode(NAME, Map.of("kubernetes.io/hostname", NAME, "kubernetes.io/os", "linux",
        "kubernetes.io/arch", "amd64"), List.of(), Map.of());
  }

  public LocalNode withLabel(String key, String value) {
    Map<String, String> more = new LinkedHashMap<>(labels);
    more.put(key, value);
    return new LocalNode(name, more, taints, extendedResources);
  }

  /** A taint of effect NoSchedule; a null value taints with the key alone. */
  public LocalNode withNoScheduleTaint(String key, String value) {
    List<Taint> more = new ArrayList<>(taints);
    more.add(new TaintBuilder().withKey(key).withValue(value).withEffect("NoSchedule").build());
    return new LocalNode(name, labels, more, extendedResources);
  }

  /** {@code count} devices of an extended resource, e.g. {@code nvidia.com/gpu}, allocatable to pods. */
  public LocalNode withExtendedResource(String resource, int count) {
    Map<String, Integer> more = new LinkedHashMap<>(extendedResources);
    more.put(resource, count);
    return new LocalNode(name, labels, taints, more);
  }

  /** The Node object a kubelet registers, Ready. */
  Node toNode() {
    Map<String, Quantity> allocatable = new LinkedHashMap<>();
    extendedResources.forEach((resource, count) -> allocatable.put(resource, new Quantity(String.valueOf(count))));
    return new NodeBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
        .withNewSpec().withTaints(taints).endSpec()
        .withNewStatus().withAllocatable(allocatable).withCapacity(allocatable)
        .addNewCondition().withType("Ready").withStatus("True").endCondition().endStatus().build();
  }
}
