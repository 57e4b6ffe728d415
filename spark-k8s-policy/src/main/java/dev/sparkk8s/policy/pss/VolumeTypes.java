package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.Conversion;
import dev.sparkk8s.policy.source.PodSite;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Restricted allows only these volume types; hostPath is left to {@link HostPathVolumes}. */
public final class VolumeTypes extends PodRule {

  public static final String ID = "pss-restricted/volume-types";
  private static final Set<String> ALLOWED = Set.of("configMap", "csi", "downwardAPI", "emptyDir", "ephemeral",
      "persistentVolumeClaim", "projected", "secret");

  @Override
  protected void check(PodSite site, List<Finding> out) {
    List<Volume> volumes = site.spec().getVolumes() == null ? List.of() : site.spec().getVolumes();
    for (Volume v : volumes) {
      for (String type : Conversion.map(Conversion.convert(v, Map.class)).keySet()) {
        if (!type.equals("name") && !type.equals("hostPath") && !ALLOWED.contains(type)) {
          out.add(site.onPod(ID, "volumes[" + v.getName() + "]." + type,
              "volume " + v.getName() + " is of type " + type,
              "use one of " + ALLOWED.stream().sorted().toList() + " (a PersistentVolumeClaim for storage)"));
        }
      }
    }
  }
}
