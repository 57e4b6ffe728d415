package dev.sparkk8s.cluster.doctor.diagnosis;

import dev.sparkk8s.cluster.doctor.ClusterSnapshot;
import dev.sparkk8s.cluster.doctor.DoctorFinding;
import dev.sparkk8s.cluster.doctor.Pods;
import dev.sparkk8s.cluster.doctor.Pods.ContainerRun;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The chart's init container that creates an {@code s3a://} event-log prefix failed, so its pod never starts Spark.
 * Its termination message (the log's last lines: {@code FallbackToLogsOnError}) ends with the line its launch script
 * writes ({@code spark-k8s.eventLogInitCommand}): {@code S3 at <endpoint>, bucket <bucket>: cannot create the
 * event-log directory <dir>: <what S3 answered>}; the fix follows S3's answer.
 */
public final class EventLogDirNotCreated implements Diagnosis {

  public static final String ID = "event-log-dir";
  static final String LINE_START = "S3 at ";

  @Override
  public void examine(ClusterSnapshot snapshot, List<DoctorFinding> out) {
    snapshot.pods().stream().flatMap(Pods::containerRuns)
        .filter(run -> run.init() && ContainerNames.CREATE_EVENT_LOG_DIR.equals(run.name()))
        .forEach(run -> failure(run).ifPresent(failed -> {
          String line = lastLine(failed.getMessage());
          out.add(new DoctorFinding(ID, Pods.ref(run.pod()), run.name(), "it cannot create the event-log directory "
              + "(exit code " + failed.getExitCode() + "): " + line, fix(line)));
        }));
  }

  private static Optional<ContainerStateTerminated> failure(ContainerRun run) {
    return Stream.of(run.status().getState(), run.status().getLastState())
        .filter(state -> state != null && state.getTerminated() != null)
        .map(state -> state.getTerminated())
        .filter(terminated -> terminated.getExitCode() != null && terminated.getExitCode() != 0)
        .findFirst();
  }

  private static String lastLine(String message) {
    List<String> lines = message == null ? List.of() : message.lines().filter(l -> !l.isBlank()).toList();
    return lines.stream().filter(l -> l.startsWith(LINE_START)).reduce((a, b) -> b)
        .or(() -> lines.stream().reduce((a, b) -> b)).orElse("no termination message");
  }

  private static String fix(String line) {
    if (line.contains("Status Code: 403")) {
      return "S3 refused the keys: fix them in the Secret spark.s3.credentials.secretName (or the bucket's policy "
          + "for them)";
    }
    if (line.contains("Status Code: 404")) {
      return "create the bucket (the chart creates the prefix in it, not the bucket), or point spark.eventLog.dir "
          + "at one that exists";
    }
    return "spark.s3.endpoint must answer from the pods: its address and port, and with networkPolicy.enabled the "
        + "release's egress to it";
  }
}
