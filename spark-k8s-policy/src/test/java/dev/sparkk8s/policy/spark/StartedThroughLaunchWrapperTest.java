package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.Security;
import dev.sparkk8s.policy.testing.Workloads;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compliant Connect server uses the image's entrypoint (no command); the standalone worker the wrapper. */
class StartedThroughLaunchWrapperTest {

  private static final String WORKER_COMMAND = "spec.template.spec.containers[spark-worker].command";

  private final CompliantRelease release = new CompliantRelease().withStandaloneBackend();

  @Test
  void aBareSparkClassCommand() {
    release.connectContainer().setCommand(List.of("/opt/spark/bin/spark-class"));

    Finding f = only(release.check(), StartedThroughLaunchWrapper.ID, "Deployment/spark-connect", "spark-connect",
        "spec.template.spec.containers[spark-connect].command");
    assertThat(f.message()).contains("/opt/spark/bin/spark-class").contains("passwd entry").contains("reaps");
    assertThat(f.fix()).contains("spark-k8s.launchCommand");
  }

  @Test
  void anInitContainerWithoutTheWrapper() {
    release.connectPod().setInitContainers(List.of(new ContainerBuilder().withName("create-event-log-dir")
        .withImage("apache/spark:4.0.0").withCommand("/opt/spark/bin/spark-submit")
        .withArgs("--class", "org.apache.hadoop.fs.FsShell", "spark-internal", "-mkdir", "-p", "/var/spark-events")
        .withSecurityContext(Security.container()).build()));

    only(release.check(), StartedThroughLaunchWrapper.ID, "Deployment/spark-connect", "create-event-log-dir",
        "spec.template.spec.initContainers[create-event-log-dir].command");
  }

  @Test
  void aWrapperWithoutTini() {
    release.worker().getSpec().getTemplate().getSpec().getContainers().get(0).getCommand()
        .set(2, Workloads.LAUNCH_SCRIPT.replace("exec /usr/bin/tini -s -- \"$@\"", "exec \"$@\""));

    Finding f = only(release.check(), StartedThroughLaunchWrapper.ID, "StatefulSet/spark-worker", "spark-worker",
        WORKER_COMMAND);
    assertThat(f.message()).isEqualTo("the launch script does not use tini -s");
  }

  @Test
  void aCommandSubstitutionTheKubeletWouldRewrite() {
    release.worker().getSpec().getTemplate().getSpec().getContainers().get(0).getCommand()
        .set(2, Workloads.LAUNCH_SCRIPT.replace("`id -u`", "$(id -u)"));

    Finding f = only(release.check(), StartedThroughLaunchWrapper.ID, "StatefulSet/spark-worker", "spark-worker",
        WORKER_COMMAND);
    assertThat(f.fix()).contains("backticks");
  }

  @Test
  void theWrappedCommandIsWhatTheContainerRuns() {
    List<String> command = release.worker().getSpec().getTemplate().getSpec().getContainers().get(0).getCommand();

    assertThat(LaunchCommand.unwrapped(command))
        .containsExactly("/opt/spark/bin/spark-class", "org.apache.spark.deploy.worker.Worker");
    assertThat(LaunchCommand.unwrapped(List.of("/opt/spark/bin/spark-class"))).containsExactly("/opt/spark/bin/spark-class");
  }
}
