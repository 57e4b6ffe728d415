package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The words of a container run as the apache/spark image runs them. */
class ImageEntrypointTest {

  private final SparkHome home = SparkHome.built("4.1");

  @Test
  void sparkScriptsAndTheDriverGoThroughSparkSubmitOrSparkClass() {
    assertThat(ImageEntrypoint.of("m", List.of("/opt/spark/bin/spark-class", "org.example.Main", "x"), Map.of(), home))
        .isEqualTo(new ImageEntrypoint.SparkClass(List.of("org.example.Main", "x")));
    assertThat(ImageEntrypoint.of("c", List.of("/opt/spark/bin/spark-submit", "--class", "A", "spark-internal"), Map.of(),
        home)).isEqualTo(new ImageEntrypoint.SparkClass(List.of(ImageEntrypoint.SPARK_SUBMIT, "--class", "A",
        "spark-internal")));
    assertThat(ImageEntrypoint.of("d", List.of("driver", "--class", "A", "app.jar"),
        Map.of("SPARK_DRIVER_BIND_ADDRESS", "127.0.0.1"), home))
        .isEqualTo(new ImageEntrypoint.SparkClass(List.of(ImageEntrypoint.SPARK_SUBMIT,
            "--conf", "spark.driver.bindAddress=127.0.0.1", "--conf", "spark.executorEnv.SPARK_DRIVER_POD_IP=127.0.0.1",
            "--deploy-mode", "client", "--class", "A", "app.jar")));
  }

  @Test
  void anExecutorRunsTheKubernetesBackendFromItsEnvironment() {
    Map<String, String> env = Map.ofEntries(Map.entry("SPARK_JAVA_OPT_1", "-Db=2"), Map.entry("SPARK_JAVA_OPT_0", "-Da=1"),
        Map.entry("SPARK_EXECUTOR_MEMORY", "1024m"), Map.entry("SPARK_CONF_DIR", "/run/conf"),
        Map.entry("SPARK_DRIVER_URL", "spark://CoarseGrainedScheduler@127.0.0.1:7078"),
        Map.entry("SPARK_EXECUTOR_ID", "3"), Map.entry("SPARK_EXECUTOR_CORES", "2"),
        Map.entry("SPARK_APPLICATION_ID", "spark-app"), Map.entry("SPARK_EXECUTOR_POD_IP", "127.0.0.1"),
        Map.entry("SPARK_RESOURCE_PROFILE_ID", "0"), Map.entry("SPARK_EXECUTOR_POD_NAME", "exec-3"));

    List<String> command = ImageEntrypoint.of("exec-3", List.of("executor"), env, home).javaCommand(home, env);

    assertThat(command).containsExactly(SparkClassCommand.javaBinary(), "-Da=1", "-Db=2", "-Xms1024m", "-Xmx1024m",
        "-cp", "/run/conf:" + home.jars() + "/*", ImageEntrypoint.EXECUTOR_BACKEND,
        "--driver-url", "spark://CoarseGrainedScheduler@127.0.0.1:7078", "--executor-id", "3", "--cores", "2",
        "--app-id", "spark-app", "--hostname", "127.0.0.1", "--resourceProfileId", "0", "--podName", "exec-3");
  }

  @Test
  void aBashScriptRunsOnThisMachinesBash() {
    assertThat(ImageEntrypoint.of("job", List.of("/bin/bash", "/run/job-profile/submit.sh", "--name", "pi"), Map.of(),
        home)).isEqualTo(new ImageEntrypoint.Bash(List.of("/bin/bash", "/run/job-profile/submit.sh", "--name", "pi")));
  }

  @Test
  void anythingElseIsRefusedByName() {
    assertThatThrownBy(() -> ImageEntrypoint.of("w", List.of("/usr/bin/python3", "x.py"), Map.of(), home))
        .isInstanceOf(LocalRuntimeException.class)
        .hasMessage("w: the local runtime runs spark-class, spark-submit, driver, executor, bash and nginx containers, not "
            + "/usr/bin/python3");
    assertThat(Path.of(SparkClassCommand.javaBinary())).isExecutable();
  }
}
