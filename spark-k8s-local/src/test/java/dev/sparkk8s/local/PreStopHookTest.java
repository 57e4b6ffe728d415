package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's /opt/decom.sh as a preStop hook: SIGPWR to the container's java process (and to no
 * other process), then a wait for it to exit; a hook the local runtime does not play fails with the reason.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class PreStopHookTest {

  /** A JVM's status when SIGPWR (30 on Linux) ended it: the signal's default action, which the JVM keeps. */
  private static final int KILLED_BY_SIGPWR = 128 + 30;

  @TempDir
  Path dir;

  @Test
  void decomShSendsSigpwrToTheContainersJavaProcessAndWaitsForItToExit() throws Exception {
    Files.writeString(dir.resolve("Sleep.java"), "class Sleep { public static void main(String[] a) throws Exception "
        + "{ Thread.sleep(60_000); } }");
    Process container = new ProcessBuilder("sh", "-c", "'" + SparkClassCommand.javaBinary() + "' Sleep.java & wait $!")
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(new File("/dev/null")).start();
    for (int i = 0; i < 100 && javaOf(container) == null; i++) {
      Thread.sleep(50);
    }
    ProcessHandle java = javaOf(container);
    assertThat(java).as("the shell's java child").isNotNull();

    assertThat(PreStopHook.run(pod("/opt/decom.sh"), container.toHandle(), Duration.ofSeconds(30))).isEmpty();

    assertThat(java.isAlive()).as("the java process, after the hook").isFalse();
    assertThat(container.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(container.exitValue()).as("the shell's wait: its java child ended by SIGPWR").isEqualTo(KILLED_BY_SIGPWR);
  }

  @Test
  void aHookTheLocalRuntimeDoesNotPlayFailsWithTheReasonAndSignalsNothing() throws Exception {
    Process container = new ProcessBuilder("sleep", "30").start();
    try {
      assertThat(PreStopHook.run(pod("/bin/drain-connections"), container.toHandle(), Duration.ofSeconds(5)))
          .hasValue("the local kubelet runs the image's /opt/decom.sh as a preStop hook, not [/bin/drain-connections]");
      assertThat(container.isAlive()).isTrue();
    } finally {
      container.destroyForcibly().waitFor();
    }
  }

  @Test
  void aContainerWithoutAHookHasNothingToRun() {
    Pod pod = new PodBuilder().withNewSpec().addNewContainer().withName("c").endContainer().endSpec().build();
    assertThat(PreStopHook.command(pod)).isEmpty();
    assertThat(PreStopHook.run(pod, ProcessHandle.current(), Duration.ofSeconds(1))).isEmpty();
  }

  private static ProcessHandle javaOf(Process shell) {
    return shell.descendants().filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst()
        .orElse(null);
  }

  private static Pod pod(String hook) {
    return new PodBuilder().withNewSpec().addNewContainer().withName("spark-executor").withNewLifecycle().withNewPreStop()
        .withNewExec().withCommand(hook).endExec().endPreStop().endLifecycle().endContainer().endSpec().build();
  }
}
