package dev.sparkk8s.jobs.ops;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.jobs.profile.JobProfile;
import dev.sparkk8s.render.contract.ChartConfigMap;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.client.KubernetesClient;

/** The job profile a release installed, read from the cluster. */
public final class JobProfiles {

  private JobProfiles() {
  }

  public static JobProfile read(KubernetesClient client, String namespace, String release) {
    return client.configMaps().inNamespace(namespace).withLabel(ChartLabels.INSTANCE, release)
        .withLabel(ChartLabels.COMPONENT, ChartConfigMap.JOB_PROFILE.component().label()).list().getItems().stream()
        .filter(ChartConfigMap.JOB_PROFILE::is).findFirst().map(JobProfile::of)
        .orElseThrow(() -> new SparkK8sException(ExitCode.BAD_INPUT, "release " + release + " in namespace "
            + namespace + " has no job profile: install it with --set spark.jobs.enabled=true"));
  }
}
