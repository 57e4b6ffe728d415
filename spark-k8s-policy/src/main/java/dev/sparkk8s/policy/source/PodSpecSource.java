package dev.sparkk8s.policy.source;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the pod specs in one rendered object. */
public final class PodSpecSource {

  private PodSpecSource() {
  }

  public static List<PodSite> sites(HasMetadata object) {
    if (object instanceof Deployment d) {
      return template(d, d.getSpec() == null ? null : d.getSpec().getTemplate());
    }
    if (object instanceof StatefulSet s) {
      return template(s, s.getSpec() == null ? null : s.getSpec().getTemplate());
    }
    if (object instanceof DaemonSet d) {
      return template(d, d.getSpec() == null ? null : d.getSpec().getTemplate());
    }
    if (object instanceof ReplicaSet r) {
      return template(r, r.getSpec() == null ? null : r.getSpec().getTemplate());
    }
    if (object instanceof Job j) {
      return template(j, j.getSpec() == null ? null : j.getSpec().getTemplate());
    }
    if (object instanceof CronJob c) {
      PodTemplateSpec t = Optional.ofNullable(c.getSpec())
          .map(s -> s.getJobTemplate()).map(j -> j.getSpec()).map(s -> s.getTemplate()).orElse(null);
      return podTemplate(c, t, "spec.jobTemplate.spec.template");
    }
    if (object instanceof Pod p) {
      return p.getSpec() == null ? List.of() : List.of(PodSite.of(p, p.getMetadata(), "metadata", p.getSpec(), "spec"));
    }
    if (object instanceof ConfigMap cm) {
      return ConfigMapPods.sites(cm);
    }
    if (object instanceof GenericKubernetesResource r) {
      if (SparkApplications.isSparkApplication(r)) {
        return Stream.of(SparkRole.values()).map(role -> SparkApplications.pod(r, role)).toList();
      }
    }
    return List.of();
  }

  private static List<PodSite> template(HasMetadata owner, PodTemplateSpec template) {
    return podTemplate(owner, template, "spec.template");
  }

  static List<PodSite> podTemplate(HasMetadata owner, PodTemplateSpec template, String path) {
    if (template == null || template.getSpec() == null) {
      return List.of();
    }
    PodSpec spec = template.getSpec();
    return List.of(PodSite.of(owner, template.getMetadata(), path + ".metadata", spec, path + ".spec"));
  }
}
