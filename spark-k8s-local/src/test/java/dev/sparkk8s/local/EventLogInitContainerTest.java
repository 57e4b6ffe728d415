package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.UserValues;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The init container that creates an s3a:// event-log prefix, run as rendered (launch wrapper, spark-submit,
 * FsShell, its environment and its mounted core-site.xml) on the local Spark home; here the directory is a
 * local {@code file://} one (on S3: {@link EventLogInitContainerOnS3Test}). FsShell turns Hadoop's quiet mode off, so
 * without the chart's core-site.xml it stops with "core-site.xml not found" (checked too, so this test would
 * have caught the init container failing on every real cluster).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EventLogInitContainerTest {

  private static final String HADOOP_CONF_DIR = "HADOOP_CONF_DIR";

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "4.1"})
  void createsTheDirectoryWithTheRenderedCoreSite(String sparkVersion, @TempDir Path dir) throws Exception {
    RenderedRelease release = LocalChart.render(new LocalOptions(sparkVersion, UserValues.sets(List.of("spark.image.repository=registry.example.com/spark", "spark.s3.enabled=true",
            "spark.s3.endpoint=http://127.0.0.1:9", "spark.eventLog.dir=s3a://logs/spark-events")),
        null, null, dir.resolve("run"), SparkHome.projectDir().resolve("charts/spark-k8s")));
    ChartContainer connect = ChartContainer.of(release).stream().filter(c -> c.component() == Component.CONNECT)
        .findFirst().orElseThrow();
    Container init = connect.pod().getSpec().getInitContainers().stream()
        .filter(c -> c.getName().equals(ContainerNames.CREATE_EVENT_LOG_DIR)).findFirst().orElseThrow();
    assertThat(init.getArgs()).endsWith("-mkdir", "-p", "s3a://logs/spark-events");

    Path hadoopConf = Files.createDirectories(dir.resolve("hadoop-conf"));
    ConfigMap coreSite = release.find("ConfigMap", "local-spark-k8s-event-log-init").map(ConfigMap.class::cast)
        .orElseThrow();
    Files.writeString(hadoopConf.resolve("core-site.xml"), coreSite.getData().get("core-site.xml"));
    assertThat(coreSite.getData().get("core-site.xml")).contains("<name>fs.s3a.endpoint</name>");

    SparkHome home = SparkHome.built(sparkVersion);
    Map<String, String> env = env(init, home);
    assertThat(env).containsEntry(HADOOP_CONF_DIR, "/opt/spark/hadoop-conf");
    env.put(HADOOP_CONF_DIR, hadoopConf.toString());
    Path created = dir.resolve("events/spark-events");
    List<String> args = new ArrayList<>(init.getArgs());
    args.set(args.size() - 1, created.toUri().toString());
    args.add(0, "org.apache.spark.deploy.SparkSubmit");
    LaunchWrapper wrapper = LaunchWrapper.of(new ChartContainer(Component.CONNECT, init.getName(), connect.pod(), init),
        word -> ContainerEnv.expand(word, Map.of()));
    assertThat(wrapper.command()).containsExactly("/opt/spark/bin/spark-submit");

    CommandResult ok = CommandResult.run(wrapper.around(SparkClassCommand.of(home, args, env)), env);
    assertThat(ok.exit()).as(ok.output()).isZero();
    assertThat(created).isDirectory();

    env.remove(HADOOP_CONF_DIR);
    CommandResult withoutCoreSite = CommandResult.run(wrapper.around(SparkClassCommand.of(home, args, env)), env);
    assertThat(withoutCoreSite.exit()).isNotZero();
    assertThat(withoutCoreSite.output()).contains("core-site.xml not found");
  }

  /** The container's literal environment (Secrets left out) and what a local Spark home needs. */
  private static Map<String, String> env(Container init, SparkHome home) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var : init.getEnv()) {
      if (var.getValue() != null) {
        env.put(var.getName(), var.getValue());
      }
    }
    env.put("SPARK_HOME", home.dir().toString());
    env.put("SPARK_SCALA_VERSION", home.scalaVersion());
    return env;
  }
}
