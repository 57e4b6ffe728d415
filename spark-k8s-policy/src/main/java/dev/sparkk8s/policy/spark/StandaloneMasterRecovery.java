package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Standalone master keeps its state where a restarted master finds it. Without {@code spark.deploy.recoveryMode}
 * a restarted master forgets its workers and applications, kills the executors the workers report back, and the
 * applications never get an executor again. FILESYSTEM and ROCKSDB need {@code spark.deploy.recoveryDirectory} on
 * a writable volume of the container (what the container writes elsewhere dies with it); ZOOKEEPER and CUSTOM
 * keep the state outside the pod. Read from the master's JVM options ({@link DaemonOptions}).
 */
public final class StandaloneMasterRecovery implements Rule {

  public static final String ID = "spark/standalone-master-recovery";
  private static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
  private static final String MODE = "spark.deploy.recoveryMode";
  private static final String DIRECTORY = "spark.deploy.recoveryDirectory";
  private static final String FIX = "set spark.standalone.master.recovery.enabled: true (FILESYSTEM recovery on a "
      + "volume of the master; spark.standalone.master.recovery.persistence.enabled puts it on a claim)";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (PodSite site : manifests.podSites()) {
      for (ContainerSite c : site.containers()) {
        if (!c.init() && runsMaster(c)) {
          check(site, c, out);
        }
      }
    }
  }

  private static void check(PodSite site, ContainerSite c, List<Finding> out) {
    DaemonOptions options = DaemonOptions.of(c.container(), "SPARK_DAEMON_JAVA_OPTS", "SPARK_MASTER_OPTS");
    String mode = options.get(MODE).orElse("NONE").toUpperCase(Locale.ROOT);
    if (mode.equals("NONE")) {
      out.add(site.onContainer(ID, c, options.field(MODE, "env"),
          "the master has no " + MODE + "; restarted, it forgets its workers and applications and kills their "
              + "executors, and the applications never get executors again", FIX));
      return;
    }
    if (!mode.equals("FILESYSTEM") && !mode.equals("ROCKSDB")) {
      return;
    }
    String dir = options.get(DIRECTORY).orElse("");
    String field = options.field(DIRECTORY, options.field(MODE, "env"));
    if (dir.isBlank()) {
      out.add(site.onContainer(ID, c, field, MODE + " " + mode + " without " + DIRECTORY
          + ": the state goes to the working directory, wherever that is", FIX));
    } else if (writableVolumeAt(site, c, dir).isEmpty()) {
      out.add(site.onContainer(ID, c, field, DIRECTORY + " " + dir + " is on no writable volume of the container: "
          + "the state is lost with the container", FIX));
    }
  }

  private static boolean runsMaster(ContainerSite c) {
    if (ContainerNames.MASTER.equals(c.name())) {
      return true;
    }
    return Stream.of(c.container().getCommand(), c.container().getArgs())
        .filter(words -> words != null).flatMap(List::stream).anyMatch(w -> w.contains(MASTER_CLASS));
  }

  /** The mount holding {@code dir}, if its volume is writable and outlives the container. */
  private static Optional<VolumeMount> writableVolumeAt(PodSite site, ContainerSite c, String dir) {
    List<VolumeMount> mounts = c.container().getVolumeMounts() == null ? List.of() : c.container().getVolumeMounts();
    return mounts.stream()
        .filter(m -> dir.equals(m.getMountPath()) || dir.startsWith(m.getMountPath().replaceAll("/+$", "") + "/"))
        .filter(m -> !Boolean.TRUE.equals(m.getReadOnly()) && writable(site, m.getName()))
        .findFirst();
  }

  private static boolean writable(PodSite site, String volumeName) {
    List<Volume> volumes = site.spec().getVolumes() == null ? List.of() : site.spec().getVolumes();
    Optional<Volume> volume = volumes.stream().filter(v -> volumeName.equals(v.getName())).findFirst();
    if (volume.isPresent()) {
      Volume v = volume.get();
      return v.getConfigMap() == null && v.getSecret() == null && v.getDownwardAPI() == null
          && v.getProjected() == null;
    }
    if (site.owner() instanceof StatefulSet sts && sts.getSpec().getVolumeClaimTemplates() != null) {
      return sts.getSpec().getVolumeClaimTemplates().stream().map(PersistentVolumeClaim::getMetadata)
          .anyMatch(m -> m != null && volumeName.equals(m.getName()));
    }
    return false;
  }
}
