package dev.sparkk8s.cluster.doctor.diagnosis;

import dev.sparkk8s.cluster.doctor.ClusterSnapshot;
import dev.sparkk8s.cluster.doctor.DoctorFinding;
import dev.sparkk8s.cluster.doctor.Pods;
import dev.sparkk8s.cluster.doctor.Pods.ContainerRun;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import java.util.List;

/** A container that keeps exiting ({@code CrashLoopBackOff}), shown with the last lines of its previous run's log. */
public final class CrashLoop implements Diagnosis {

  public static final String ID = "crash-loop";
  static final String REASON = "CrashLoopBackOff";
  /** Lines of the previous run's log shown under the finding. */
  public static final int LAST_LINES = 20;

  @Override
  public void examine(ClusterSnapshot snapshot, List<DoctorFinding> out) {
    snapshot.pods().stream().flatMap(Pods::containerRuns).filter(CrashLoop::crashLooping).forEach(run -> {
      List<String> log = snapshot.previousLog(run.pod(), run.name());
      ContainerStateTerminated last = run.status().getLastState() == null ? null
          : run.status().getLastState().getTerminated();
      List<String> shown = log.isEmpty() && last != null && last.getMessage() != null
          ? last.getMessage().lines().toList() : log;
      out.add(new DoctorFinding(ID, Pods.ref(run.pod()), run.name(), seen(run, last, shown.isEmpty()),
          "read why it exits in the lines below (all of them: kubectl logs " + run.pod().getMetadata().getName()
              + " -c " + run.name() + " --previous)",
          shown.subList(Math.max(0, shown.size() - LAST_LINES), shown.size())));
    });
  }

  private static boolean crashLooping(ContainerRun run) {
    return run.status().getState() != null && run.status().getState().getWaiting() != null
        && REASON.equals(run.status().getState().getWaiting().getReason());
  }

  private static String seen(ContainerRun run, ContainerStateTerminated last, boolean noLog) {
    String exit = last == null ? "" : ", its last run ended with exit code " + last.getExitCode()
        + (last.getReason() == null ? "" : " (" + last.getReason() + ")");
    return run.field() + ".state.waiting.reason is " + REASON + " after " + run.status().getRestartCount()
        + " restarts" + exit + (noLog ? "; its previous log could not be read" : "");
  }
}
