package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.SparkDefaults;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * spark.image.classDataArchive: every JVM that can be served maps the image's archive, with the image's jars first
 * on its class path (a JDK archive only serves a class path that starts as the one it was made with); the user's
 * values of the same keys follow the chart's; without the value nothing changes.
 */
class ClassDataArchiveValuesTest {

  private static final String ARCHIVE = "/opt/spark/cds/spark.jsa";
  private static final String OPTIONS = "-XX:SharedArchiveFile=" + ARCHIVE + " -Xshare:auto";
  private static final String JARS = "/opt/spark/jars/*";

  /** The Connect server's Spark configuration: its spark-defaults.conf, or the operator's SparkApplication's sparkConf. */
  private static Map<String, String> connectConf(String backend, String... sets) {
    ReleaseView release = render(backend, sets);
    if (!backend.equals("operator")) {
      return release.connectConf();
    }
    Map<String, String> conf = new java.util.TreeMap<>();
    release.custom("SparkApplication", "connect").at("/spec/sparkConf").fields()
        .forEachRemaining(e -> conf.put(e.getKey(), e.getValue().asText()));
    return conf;
  }

  private static ReleaseView render(String backend, String... sets) {
    String[] all = new String[sets.length + 1];
    all[0] = "spark.connect.mode.k8s.backend=" + backend;
    System.arraycopy(sets, 0, all, 1, sets.length);
    return new ReleaseView(ChartFixture.render(all));
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "standalone", "operator"})
  void theConnectServerMapsTheArchiveWithTheImagesJarsFirst(String backend) {
    Map<String, String> conf = connectConf(backend, "spark.image.classDataArchive=" + ARCHIVE);

    assertThat(conf).containsEntry("spark.driver.extraJavaOptions", OPTIONS)
        .containsEntry("spark.driver.extraClassPath", JARS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "standalone", "operator"})
  void theUsersOptionsAndClassPathFollowTheCharts(String backend) {
    Map<String, String> conf = connectConf(backend, "spark.image.classDataArchive=" + ARCHIVE,
        "spark.conf.spark\\.driver\\.extraJavaOptions=-XX:+UseParallelGC",
        "spark.conf.spark\\.driver\\.extraClassPath=/opt/extra/*");

    assertThat(conf).containsEntry("spark.driver.extraJavaOptions", OPTIONS + " -XX:+UseParallelGC")
        .containsEntry("spark.driver.extraClassPath", JARS + ":/opt/extra/*");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "standalone", "operator"})
  void withoutAnArchiveTheUsersValuesAreAsGiven(String backend) {
    Map<String, String> conf = connectConf(backend, "spark.conf.spark\\.driver\\.extraJavaOptions=-XX:+UseParallelGC");

    assertThat(conf).containsEntry("spark.driver.extraJavaOptions", "-XX:+UseParallelGC")
        .doesNotContainKey("spark.driver.extraClassPath");
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "standalone"})
  void standaloneExecutorsMapItKubernetesExecutorPodsCannot(String backend) {
    Map<String, String> conf = render(backend, "spark.image.classDataArchive=" + ARCHIVE).connectConf();

    if (backend.equals("standalone")) {
      assertThat(conf).containsEntry("spark.executor.extraJavaOptions", "-Xms1024m " + OPTIONS)
          .containsEntry("spark.executor.extraClassPath", JARS);
    } else {
      // Spark puts the configuration directory it mounts on an executor pod first on its class path.
      assertThat(conf).doesNotContainKeys("spark.executor.extraJavaOptions", "spark.executor.extraClassPath");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"kubernetes", "standalone", "operator"})
  void aBatchDriverMapsItAfterTheOptionsItHadAlready(String backend) {
    Map<String, String> without = SparkDefaults.job(ChartFixture.render("spark.connect.mode.k8s.backend=" + backend,
        "spark.jobs.enabled=true")).orElseThrow();
    Map<String, String> with = SparkDefaults.job(ChartFixture.render("spark.connect.mode.k8s.backend=" + backend,
        "spark.jobs.enabled=true", "spark.image.classDataArchive=" + ARCHIVE)).orElseThrow();

    String before = without.getOrDefault("spark.driver.extraJavaOptions", "");
    assertThat(with).containsEntry("spark.driver.extraJavaOptions", (before + " " + OPTIONS).trim())
        .containsEntry("spark.driver.extraClassPath", JARS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"standalone-master", "standalone-worker", "history-server"})
  void theDaemonsMapItThroughSparkClass(String workload) {
    String[] sets = {"spark.historyServer.enabled=true", "spark.eventLog.enabled=true",
        "spark.eventLog.existingClaim=spark-events"};
    ReleaseView with = render("standalone", concat(sets, "spark.image.classDataArchive=" + ARCHIVE));
    ReleaseView without = render("standalone", sets);

    assertThat(daemonEnv(with, workload)).containsEntry("SPARK_DAEMON_CLASSPATH", JARS)
        .containsEntry("SPARK_DAEMON_JAVA_OPTS", OPTIONS);
    assertThat(daemonEnv(without, workload)).doesNotContainKeys("SPARK_DAEMON_CLASSPATH", "SPARK_DAEMON_JAVA_OPTS");
  }

  private static Map<String, String> daemonEnv(ReleaseView release, String workload) {
    PodSpec pod = workload.equals("standalone-worker")
        ? release.statefulSet("worker").getSpec().getTemplate().getSpec()
        : workload.equals("standalone-master") ? release.statefulSet("master").getSpec().getTemplate().getSpec()
        : release.deployment("history").getSpec().getTemplate().getSpec();
    return pod.getContainers().get(0).getEnv().stream().filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
  }

  private static String[] concat(String[] sets, String more) {
    String[] all = java.util.Arrays.copyOf(sets, sets.length + 1);
    all[sets.length] = more;
    return all;
  }
}
