package dev.sparkk8s.cluster.doctor.diagnosis;

import dev.sparkk8s.cluster.doctor.ClusterSnapshot;
import dev.sparkk8s.cluster.doctor.DoctorFinding;
import dev.sparkk8s.cluster.doctor.Pods;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Standalone worker whose log ends its dealings with the master on a failure, as Spark's Worker logs them (3.5 and
 * 4.1): {@code Failed to connect to master <host:port>}, {@code All masters are unresponsive! Giving up.} (it then
 * exits), {@code Connection to master failed! Waiting for master to reconnect...}; against {@code Successfully
 * registered with master spark://...}.
 */
public final class WorkerCannotReachMaster implements Diagnosis {

  public static final String ID = "worker-cannot-reach-master";
  static final String REGISTERED = "Successfully registered with master";
  static final List<String> FAILURES = List.of("Failed to connect to master", "All masters are unresponsive",
      "Connection to master failed");
  private static final String FIX = "the master pod (" + ChartLabels.COMPONENT + "=" + Component.MASTER
      + ") must be Running and its Service reachable from the workers on spark.standalone.master.port: with networkPolicy.enabled, nothing else "
      + "may block it; with security.authenticate.enabled, the worker and the master must read the same Secret";

  @Override
  public void examine(ClusterSnapshot snapshot, List<DoctorFinding> out) {
    for (Pod worker : snapshot.pods(Component.WORKER)) {
      List<String> lines = Stream.of(snapshot.previousLog(worker, ContainerNames.WORKER),
          snapshot.log(worker, ContainerNames.WORKER)).flatMap(List::stream).toList();
      lastDealing(lines).filter(line -> FAILURES.stream().anyMatch(line::contains)).ifPresent(line ->
          out.add(new DoctorFinding(ID, Pods.ref(worker), ContainerNames.WORKER,
              "its log's last word on the master is: " + line.strip(), FIX)));
    }
  }

  private static Optional<String> lastDealing(List<String> lines) {
    for (int i = lines.size() - 1; i >= 0; i--) {
      String line = lines.get(i);
      if (line.contains(REGISTERED) || FAILURES.stream().anyMatch(line::contains)) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }
}
