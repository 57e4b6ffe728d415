package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A UID without a passwd entry (a restricted pod with a runAsUser other than the image's 185, on containerd):
 * Hadoop's login fails in the JDK's Unix login module whatever HOME, SPARK_USER and HADOOP_USER_NAME say;
 * through the chart's launch wrapper (an nss_wrapper passwd entry) the same java command line logs in. This
 * machine runs tests as root, so setpriv gives the process an unused UID. Needs Debian's libnss-wrapper.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class UidWithoutPasswdEntryTest {

  private static final int UID = 54321;
  private static final List<String> AS_UID = List.of("setpriv", "--reuid=" + UID, "--regid=" + UID, "--clear-groups");
  /** Hadoop's own login check: prints the login user, or fails as every Spark process would. */
  private static final String HADOOP_LOGIN = "org.apache.hadoop.security.UserGroupInformation";

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "4.1"})
  void hadoopLoginWorksOnlyThroughTheLaunchWrapper(String sparkVersion) throws Exception {
    assertThat(CommandResult.run(List.of("getent", "passwd", String.valueOf(UID))).exit())
        .as("UID " + UID + " must have no passwd entry on this machine").isNotZero();
    SparkHome home = SparkHome.built(sparkVersion);
    ChartContainer history = RenderedContainers.of(sparkVersion, Component.HISTORY);
    Map<String, String> env = userEnv(history);
    env.put("SPARK_HOME", home.dir().toString());
    env.put("SPARK_SCALA_VERSION", home.scalaVersion());
    List<String> java = SparkClassCommand.of(home, List.of(HADOOP_LOGIN), env);

    CommandResult direct = CommandResult.run(concat(AS_UID, java), env);
    assertThat(direct.exit()).as(direct.output()).isNotZero();
    assertThat(direct.output()).contains("invalid null input: name");

    CommandResult wrapped =
        CommandResult.run(concat(AS_UID, RenderedContainers.launchWrapper(history).around(java)), env);
    assertThat(wrapped.exit()).as(wrapped.output()).isZero();
    assertThat(wrapped.output()).contains("User: spark").contains("Groups: spark");
  }

  /** What the chart sets for the user: HOME, SPARK_USER, HADOOP_USER_NAME. */
  private static Map<String, String> userEnv(ChartContainer c) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var : c.container().getEnv()) {
      if (List.of("HOME", "SPARK_USER", "HADOOP_USER_NAME").contains(var.getName())) {
        env.put(var.getName(), var.getValue());
      }
    }
    assertThat(env).containsOnlyKeys("HOME", "SPARK_USER", "HADOOP_USER_NAME");
    return env;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
