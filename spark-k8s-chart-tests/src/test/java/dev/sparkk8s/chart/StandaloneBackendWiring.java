package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.Map;

/** The standalone backend: Connect submits to the release's own master, workers run the executors. */
final class StandaloneBackendWiring {

  private StandaloneBackendWiring() {
  }

  static void check(ReleaseView view) {
    Map<String, String> conf = view.connectConf();
    ConnectServerWiring.check(view);
    String masterUrl = "spark://" + ReleaseView.FULLNAME + "-master:7077";
    assertThat(conf).containsEntry("spark.master", masterUrl).containsEntry("spark.submit.deployMode", "client")
        .doesNotContainKeys("spark.kubernetes.executor.podTemplateFile", "spark.executor.instances");
    assertThat(view.deployment("connect").getSpec().getTemplate().getSpec().getAutomountServiceAccountToken())
        .isFalse();
    assertThat(view.release().ofKind("Role")).isEmpty();

    assertThat(view.service("master").getSpec().getPorts()).extracting(ServicePort::getPort)
        .containsExactlyInAnyOrder(7077, 8080);
    StatefulSet master = view.statefulSet("master");
    assertThat(view.service("master").getSpec().getSelector())
        .isEqualTo(master.getSpec().getSelector().getMatchLabels());

    StatefulSet workers = view.statefulSet("worker");
    Container worker = ReleaseView.container(workers.getSpec().getTemplate().getSpec(), "spark-worker");
    assertThat(worker.getArgs()).last().isEqualTo(masterUrl);
    long offered = ConnectServerWiring.mib(argAfter(worker, "--memory"));
    assertThat(offered).isGreaterThanOrEqualTo(ConnectServerWiring.mib(conf.get("spark.executor.memory")));
    assertThat(Integer.parseInt(argAfter(worker, "--cores")))
        .isGreaterThanOrEqualTo(Integer.parseInt(conf.get("spark.executor.cores")));
    int executors = Integer.parseInt(conf.get("spark.cores.max")) / Integer.parseInt(conf.get("spark.executor.cores"));
    assertThat(executors).isPositive();

    // A restarted master reads its state back from a volume; workers come back through its Service.
    Container masterContainer = ReleaseView.container(master.getSpec().getTemplate().getSpec(), "spark-master");
    assertThat(env(masterContainer, "SPARK_MASTER_OPTS")).contains("-Dspark.deploy.recoveryMode=FILESYSTEM",
        "-Dspark.deploy.recoveryDirectory=" + MasterRecoveryTest.RECOVERY_DIR);
    assertThat(masterContainer.getVolumeMounts()).extracting(VolumeMount::getMountPath)
        .contains(MasterRecoveryTest.RECOVERY_DIR);
    assertThat(env(worker, "SPARK_WORKER_OPTS")).contains("-Dspark.worker.preferConfiguredMasterAddress=true");
    // The Connect server is ready only while the master lists its application.
    Probe readiness = ReleaseView.container(view.deployment("connect").getSpec().getTemplate().getSpec(),
        "spark-connect").getReadinessProbe();
    assertThat(readiness.getExec().getCommand()).endsWith("4040", ReleaseView.FULLNAME + "-master:8080");
  }

  static String env(Container c, String name) {
    return c.getEnv().stream().filter(e -> name.equals(e.getName())).map(EnvVar::getValue).findFirst()
        .orElseThrow(() -> new AssertionError(c.getName() + " has no " + name));
  }

  private static String argAfter(Container c, String flag) {
    int i = c.getArgs().indexOf(flag);
    assertThat(i).as(flag + " in " + c.getArgs()).isNotNegative();
    return c.getArgs().get(i + 1);
  }
}
