package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.KubeflowWebhookMerge;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.policy.source.SparkApplications;
import dev.sparkk8s.policy.source.SparkRole;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The pods the kubeflow operator creates from a {@code sparkoperator.k8s.io} SparkApplication, merged as its
 * submission and mutating webhook merge them ({@link KubeflowWebhookMerge}), must be valid: the webhook appends the
 * typed volumes, mounts and env to what the template already has, so a setting written in both places is there
 * twice, and the API server rejects a pod with two volumes of one name or two mounts at one path (two env vars of
 * one name: the later hides the earlier). The Spark container must carry the name the operator forces
 * ({@code spark-kubernetes-driver}/{@code -executor}): otherwise Spark takes the template's first container and the
 * webhook may patch another.
 */
public final class KubeflowMergedPodValid implements Rule {

  public static final String ID = "spark/kubeflow-merged-pod-valid";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (GenericKubernetesResource app : SparkApplications.in(manifests)) {
      if (!SparkApplications.isKubeflow(app)) {
        continue;
      }
      for (SparkRole role : SparkRole.values()) {
        check(app, role, KubeflowWebhookMerge.pod(app, role), out);
      }
    }
  }

  private static void check(GenericKubernetesResource app, SparkRole role, KubeflowWebhookMerge.Pod pod,
      List<Finding> out) {
    PodSite site = pod.site();
    String where = " in the " + role.role() + " pod the operator creates";
    String confName = SparkApplications.sparkConf(app).get(role.containerNameKey());
    if (confName != null && !confName.equals(pod.forcedName())) {
      out.add(new Finding(ID, site.resource(), null, "spec.sparkConf[" + role.containerNameKey() + "]",
          role.containerNameKey() + " is " + confName + " but the operator passes " + pod.forcedName()
              + " to spark-submit after the sparkConf",
          "set it to " + pod.forcedName() + " and name the template's Spark container so"));
    }
    if (!pod.templateContainers().isEmpty() && !pod.templateContainers().contains(pod.forcedName())) {
      out.add(site.onPod(ID, "containers", "the template has no container named " + pod.forcedName() + " (it has "
              + pod.templateContainers() + "), so Spark runs in " + pod.templateContainers().get(0)
              + " and the webhook may patch another container",
          "name the template's Spark container " + pod.forcedName()));
    }
    duplicates(site.spec().getVolumes(), v -> v.getName(), (first, second, name) ->
        out.add(new Finding(ID, site.resource(), null, pod.origin(second),
            "volume " + name + " is defined twice" + where + " (" + pod.origin(first) + " and " + pod.origin(second)
                + "); the API server rejects the pod",
            "define it in one place: in the template, or in spec.volumes with spec." + role.role()
                + ".volumeMounts")));
    for (ContainerSite c : site.containers()) {
      duplicates(c.container().getVolumeMounts(), m -> m.getMountPath(), (first, second, path) ->
          out.add(new Finding(ID, site.resource(), c.name(), pod.origin(second),
              "two volumes are mounted at " + path + where + " (" + pod.origin(first) + " and "
                  + pod.origin(second) + "); the API server rejects the pod",
              "mount it in one place: in the template, or in spec." + role.role() + ".volumeMounts")));
      duplicates(c.container().getEnv(), e -> e.getName(), (first, second, name) ->
          out.add(new Finding(ID, site.resource(), c.name(), pod.origin(second),
              "env " + name + " is set twice" + where + " (" + pod.origin(first) + " and " + pod.origin(second)
                  + "); the later one hides the first",
              "set it in one place: in the template, or in spec." + role.role() + ".env")));
    }
  }

  private interface Duplicate<T> {
    void found(T first, T second, String key);
  }

  /** Reports every element whose key an earlier element already has. */
  private static <T> void duplicates(List<T> items, Function<T, String> key, Duplicate<T> report) {
    Map<String, T> seen = new HashMap<>();
    for (T item : items == null ? List.<T>of() : items) {
      T first = seen.putIfAbsent(key.apply(item), item);
      if (first != null) {
        report.found(first, item, key.apply(item));
      }
    }
  }
}
