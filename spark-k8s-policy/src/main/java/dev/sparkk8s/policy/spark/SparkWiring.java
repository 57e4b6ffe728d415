package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Rule;
import java.util.List;

/** Rules that the Spark configuration and the Kubernetes objects around it fit together. */
public final class SparkWiring {

  private SparkWiring() {
  }

  public static List<Rule> rules() {
    return List.of(new MasterMatchesBackend(), new ConfMounted(), new DriverPortsFixed(),
        new ExecutorTemplateMounted(), new DynamicAllocationShuffleTracking(), new ExecutorMemoryFitsPod(),
        new ExecutorOverheadHoldsUncountedMemory(), new DriverMemoryFitsPod(), new StandaloneWorkerFitsExecutor(),
        new StandaloneMasterRecovery(), new S3aInImage(),
        new StartedThroughLaunchWrapper(), new ApiTokenOnlyForDrivers(), new KubeflowMergedPodValid(),
        new ConnectServerRestartsForever(), new S3aEventLogDirCreated(), new DisruptionBudgetAllowsDrain(),
        new ServiceMonitorSelectsItsServices(), new PodMonitorSelectsItsPods(), new NetworkPolicyAllowsSparkTraffic());
  }
}
