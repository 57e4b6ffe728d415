package dev.sparkk8s.policy.source;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The effective driver and executor pods of a {@code sparkoperator.k8s.io} SparkApplication, merged the way
 * the operator builds them: {@code spec.<role>.template} gives the pod; {@code podSecurityContext},
 * {@code hostNetwork} and {@code annotations} go on the pod; {@code securityContext} and {@code volumeMounts}
 * on the Spark container; {@code sidecars} and {@code initContainers} are added; {@code spec.volumes} that
 * the pod mounts are added. Each field keeps the path the user wrote it at.
 */
final class KubeflowSparkApplicationPods {

  private KubeflowSparkApplicationPods() {
  }

  static List<PodSite> sites(GenericKubernetesResource app) {
    return Stream.of(SparkRole.DRIVER, SparkRole.EXECUTOR).map(role -> site(app, role)).toList();
  }

  private static PodSite site(GenericKubernetesResource app, SparkRole role) {
    Map<String, Object> appSpec = SparkApplications.spec(app);
    Map<String, Object> roleSpec = Conversion.map(appSpec.get(role.role()));
    String rolePath = "spec." + role.role();

    Object rawTemplate = roleSpec.get("template");
    PodTemplateSpec template = rawTemplate == null
        ? new PodTemplateSpec() : Conversion.convert(rawTemplate, PodTemplateSpec.class);
    ObjectMeta metadata = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
    PodSpec spec = template.getSpec() == null ? new PodSpec() : template.getSpec();
    FieldPath metadataPath = FieldPath.at(rolePath + ".template.metadata");
    FieldPath specPath = FieldPath.at(rolePath + ".template.spec");

    Map<String, String> annotations = new LinkedHashMap<>(
        metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations());
    for (var e : Conversion.stringMap(roleSpec.get("annotations")).entrySet()) {
      annotations.put(e.getKey(), e.getValue());
      metadataPath = metadataPath.withOverride("annotations[" + e.getKey() + "]",
          rolePath + ".annotations[" + e.getKey() + "]");
    }
    metadata.setAnnotations(annotations);

    if (roleSpec.get("podSecurityContext") != null) {
      spec.setSecurityContext(Conversion.convert(roleSpec.get("podSecurityContext"), PodSecurityContext.class));
      specPath = specPath.withOverride("securityContext", rolePath + ".podSecurityContext");
    }
    if (roleSpec.get("hostNetwork") instanceof Boolean hostNetwork) {
      spec.setHostNetwork(hostNetwork);
      specPath = specPath.withOverride("hostNetwork", rolePath + ".hostNetwork");
    }

    int templateContainers = spec.getContainers() == null ? 0 : spec.getContainers().size();
    int main = role.mainContainer(spec, SparkApplications.sparkConf(app));
    boolean synthesized = spec.getContainers().size() > templateContainers;
    Container mainContainer = spec.getContainers().get(main);
    FieldPath mainPath = synthesized
        ? FieldPath.at(rolePath)
        : FieldPath.at(specPath.of("containers[" + mainContainer.getName() + "]"));
    if (roleSpec.get("securityContext") != null) {
      mainContainer.setSecurityContext(Conversion.convert(roleSpec.get("securityContext"), SecurityContext.class));
      mainPath = mainPath.withOverride("securityContext", rolePath + ".securityContext");
    }
    List<VolumeMount> mounts = new ArrayList<>(
        mainContainer.getVolumeMounts() == null ? List.of() : mainContainer.getVolumeMounts());
    for (VolumeMount m : Conversion.convertList(roleSpec.get("volumeMounts"), VolumeMount.class)) {
      mounts.add(m);
      mainPath = mainPath.withOverride("volumeMounts[" + m.getMountPath() + "]",
          rolePath + ".volumeMounts[" + m.getMountPath() + "]");
    }
    mainContainer.setVolumeMounts(mounts);

    List<ContainerSite> sites = new ArrayList<>();
    List<Container> inits = new ArrayList<>(spec.getInitContainers() == null ? List.of() : spec.getInitContainers());
    for (Container c : inits) {
      sites.add(new ContainerSite(c, true, FieldPath.at(specPath.of("initContainers[" + c.getName() + "]"))));
    }
    for (Container c : Conversion.convertList(roleSpec.get("initContainers"), Container.class)) {
      inits.add(c);
      sites.add(new ContainerSite(c, true, FieldPath.at(rolePath + ".initContainers[" + c.getName() + "]")));
    }
    spec.setInitContainers(inits);
    for (Container c : spec.getContainers()) {
      FieldPath path = c == mainContainer ? mainPath : FieldPath.at(specPath.of("containers[" + c.getName() + "]"));
      sites.add(new ContainerSite(c, false, path));
    }
    for (Container c : Conversion.convertList(roleSpec.get("sidecars"), Container.class)) {
      spec.getContainers().add(c);
      sites.add(new ContainerSite(c, false, FieldPath.at(rolePath + ".sidecars[" + c.getName() + "]")));
    }

    Set<String> mounted = Stream.concat(inits.stream(), spec.getContainers().stream())
        .flatMap(c -> c.getVolumeMounts() == null ? Stream.empty() : c.getVolumeMounts().stream())
        .map(VolumeMount::getName)
        .collect(Collectors.toSet());
    List<Volume> volumes = new ArrayList<>(spec.getVolumes() == null ? List.of() : spec.getVolumes());
    for (Volume v : Conversion.convertList(appSpec.get("volumes"), Volume.class)) {
      if (mounted.contains(v.getName()) && volumes.stream().noneMatch(x -> v.getName().equals(x.getName()))) {
        volumes.add(v);
        specPath = specPath.withOverride("volumes[" + v.getName() + "]", "spec.volumes[" + v.getName() + "]");
      }
    }
    spec.setVolumes(volumes);

    return new PodSite(app, metadata, metadataPath, spec, specPath, List.copyOf(sites));
  }
}
