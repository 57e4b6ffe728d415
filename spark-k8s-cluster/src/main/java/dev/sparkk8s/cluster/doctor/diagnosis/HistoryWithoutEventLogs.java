package dev.sparkk8s.cluster.doctor.diagnosis;

import dev.sparkk8s.cluster.doctor.ClusterSnapshot;
import dev.sparkk8s.cluster.doctor.DoctorFinding;
import dev.sparkk8s.cluster.doctor.Pods;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * The History Server is ready but lists no application ({@code /api/v1/applications}): nothing reaches its
 * {@code spark.history.fs.logDirectory}.
 */
public final class HistoryWithoutEventLogs implements Diagnosis {

  public static final String ID = "history-without-event-logs";

  @Override
  public void examine(ClusterSnapshot snapshot, List<DoctorFinding> out) {
    if (snapshot.historyApplications().orElse(-1) != 0) {
      return;
    }
    String dir = snapshot.historyConf().getOrDefault("spark.history.fs.logDirectory", "its log directory");
    for (Pod history : snapshot.pods(Component.HISTORY)) {
      if (Pods.ready(history)) {
        out.add(new DoctorFinding(ID, Pods.ref(history), ContainerNames.HISTORY,
            "the History Server lists no application in " + dir, fix(snapshot)));
      }
    }
  }

  private static String fix(ClusterSnapshot snapshot) {
    if (!snapshot.connectConf().isEmpty()
        && !Boolean.parseBoolean(snapshot.connectConf().get("spark.eventLog.enabled"))) {
      return "set spark.eventLog.enabled=true: the Connect server writes no event log";
    }
    return "the Connect server and the History Server must share the event log: spark.eventLog.dir on s3a://, or "
        + "spark.eventLog.existingClaim (ReadWriteMany), not each pod's own disk; on S3 an application appears once a "
        + "file of its log is closed (spark.eventLog.rolling.maxFileSize, or the server stopping)";
  }
}
