package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.PodSite;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.List;

/** Baseline forbids hostPath volumes. */
public final class HostPathVolumes extends PodRule {

  public static final String ID = "pss-baseline/host-path-volumes";

  @Override
  protected void check(PodSite site, List<Finding> out) {
    List<Volume> volumes = site.spec().getVolumes() == null ? List.of() : site.spec().getVolumes();
    for (Volume v : volumes) {
      if (v.getHostPath() != null) {
        out.add(site.onPod(ID, "volumes[" + v.getName() + "].hostPath",
            "volume " + v.getName() + " mounts host path " + v.getHostPath().getPath(),
            "use an emptyDir, a PersistentVolumeClaim or a CSI volume instead of hostPath"));
      }
    }
  }
}
