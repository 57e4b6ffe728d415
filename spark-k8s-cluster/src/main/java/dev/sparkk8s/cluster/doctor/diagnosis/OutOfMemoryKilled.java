package dev.sparkk8s.cluster.doctor.diagnosis;

import dev.sparkk8s.cluster.doctor.ClusterSnapshot;
import dev.sparkk8s.cluster.doctor.ComponentValues;
import dev.sparkk8s.cluster.doctor.DoctorFinding;
import dev.sparkk8s.cluster.doctor.Pods;
import dev.sparkk8s.cluster.doctor.Pods.ContainerRun;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Optional;

/**
 * A container the kernel killed at its memory limit ({@code OOMKilled}), now or in its last run. The JVM heap cannot
 * cause it (an overfull heap is an OutOfMemoryError): memory beyond the heap can, so the fix names the overhead value
 * first, then the heap, of the component whose pod it is; the chart derives the limit from both.
 */
public final class OutOfMemoryKilled implements Diagnosis {

  public static final String ID = "oom-killed";
  static final String REASON = "OOMKilled";

  @Override
  public void examine(ClusterSnapshot snapshot, List<DoctorFinding> out) {
    snapshot.pods().stream().flatMap(Pods::containerRuns).forEach(run -> killed(run).ifPresent(state ->
        out.add(new DoctorFinding(ID, Pods.ref(run.pod()), run.name(), seen(run, state), fix(run)))));
  }

  private static Optional<String> killed(ContainerRun run) {
    if (run.status().getState() != null && oomKilled(run.status().getState().getTerminated())) {
      return Optional.of("state");
    }
    if (run.status().getLastState() != null && oomKilled(run.status().getLastState().getTerminated())) {
      return Optional.of("lastState");
    }
    return Optional.empty();
  }

  private static boolean oomKilled(ContainerStateTerminated terminated) {
    return terminated != null && REASON.equals(terminated.getReason());
  }

  private static String seen(ContainerRun run, String state) {
    String limit = run.spec().map(c -> c.getResources() == null || c.getResources().getLimits() == null ? null
        : c.getResources().getLimits().get("memory")).map(Quantity::toString).orElse("none");
    return run.field() + "." + state + ".terminated.reason is " + REASON + " (memory limit " + limit + ", "
        + run.status().getRestartCount() + " restarts)";
  }

  private static String fix(ContainerRun run) {
    if (ContainerNames.CREATE_EVENT_LOG_DIR.equals(run.name())) {
      return "the event-log init container's 512Mi limit is fixed by the chart; report it with this line";
    }
    return Component.of(run.pod()).flatMap(ComponentValues::of)
        .map(values -> "raise " + String.join(", or then ", values.memoryToRaise())
            + " (the chart derives the pod's memory limit from them)")
        .orElse("raise the container's memory limit");
  }
}
