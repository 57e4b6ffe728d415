package dev.sparkk8s.cluster.doctor.diagnosis;

import dev.sparkk8s.cluster.doctor.ClusterSnapshot;
import dev.sparkk8s.cluster.doctor.DoctorFinding;
import dev.sparkk8s.cluster.doctor.Pods;
import dev.sparkk8s.cluster.doctor.Pods.ContainerRun;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import java.util.List;
import java.util.Set;

/** A container whose image the kubelet cannot pull: the reasons it reports while waiting. */
public final class ImagePullFailure implements Diagnosis {

  public static final String ID = "image-pull";
  static final Set<String> REASONS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull");
  private static final String FIX = "set spark.image.repository and spark.image.tag to an image the nodes can pull "
      + "(an empty tag is the Spark release the chart is tested with for spark.version); a private registry needs "
      + "its Secret in spark.imagePullSecrets";

  @Override
  public void examine(ClusterSnapshot snapshot, List<DoctorFinding> out) {
    snapshot.pods().stream().flatMap(Pods::containerRuns).forEach(run -> {
      ContainerStateWaiting waiting = run.status().getState() == null ? null : run.status().getState().getWaiting();
      if (waiting != null && REASONS.contains(waiting.getReason())) {
        out.add(new DoctorFinding(ID, Pods.ref(run.pod()), run.name(), seen(run, waiting), FIX));
      }
    });
  }

  private static String seen(ContainerRun run, ContainerStateWaiting waiting) {
    return run.field() + ".state.waiting.reason is " + waiting.getReason() + " for image " + run.status().getImage()
        + (waiting.getMessage() == null ? "" : ": " + waiting.getMessage());
  }
}
