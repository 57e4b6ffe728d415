package dev.sparkk8s.jobs.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.jobs.profile.JobProfile;
import dev.sparkk8s.jobs.testing.RenderedProfiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Bad input to a submission: one line naming what is wrong, exit code 2. */
class JobRequestTest {

  private static final JobProfile PROFILE = RenderedProfiles.profile("spark.conf.spark\\.sql\\.ansi\\.enabled=true");
  private static final String JAR = "local:///opt/spark/examples/jars/spark-examples.jar";

  @Test
  void keysTheChartDerivesAreRefused() {
    assertRefused(request("pi", JAR, Map.of("spark.executor.memory", "8g")),
        "--conf spark.executor.memory: release spark derives this key from its chart values; change the release's "
            + "values instead");
    assertRefused(request("pi", JAR, Map.of("spark.kubernetes.container.image", "mine:1")),
        "--conf spark.kubernetes.container.image: release spark derives");
  }

  @Test
  void keysTheChartLeavesToTheJobAreAccepted() {
    JobRequest ok = request("pi", JAR, Map.of("spark.sql.shuffle.partitions", "8", "spark.sql.ansi.enabled", "false",
        "spark.myapp.setting", "x"));
    assertThat(ok.checkedAgainst(PROFILE)).isSameAs(ok);
  }

  @Test
  void anApplicationNotInTheImageNorOnS3IsRefused() {
    assertRefused(request("pi", "/home/me/app.jar", Map.of()), "APP /home/me/app.jar: give local:///path");
    assertRefused(request("pi", "https://example.com/app.jar", Map.of()), "APP https://example.com/app.jar");
  }

  @Test
  void namesAreObjectNames() {
    assertRefused(request("Nightly_Pi", JAR, Map.of()), "--name Nightly_Pi: a job name is lower-case letters");
    assertRefused(new JobRequest("pi", Optional.empty(), JAR, List.of(), Map.of()),
        "--class: a jar application needs its main class");
  }

  @Test
  void locallyTheNameIsOptionalAndPythonIsRefused() {
    JobRequest unnamed = new JobRequest(null, Optional.of("PiJob"), "/tmp/pi.jar", List.of(), Map.of());
    assertThat(unnamed.checkedLocally(PROFILE)).isSameAs(unnamed);
    assertThatThrownBy(() -> new JobRequest(null, Optional.empty(), "/tmp/job.py", List.of(), Map.of())
        .checkedLocally(PROFILE)).isInstanceOfSatisfying(SparkK8sException.class, e -> assertThat(e.lines())
        .containsExactly("APP /tmp/job.py: Spark's Standalone cluster deploy mode does not run Python applications; "
            + "give a jar"));
    assertThatThrownBy(() -> request("pi", "/tmp/pi.jar", Map.of("spark.executor.memory", "8g")).checkedLocally(PROFILE))
        .hasMessageStartingWith("--conf spark.executor.memory: release spark derives this key");
  }

  private static JobRequest request(String name, String app, Map<String, String> conf) {
    return new JobRequest(name, Optional.of("org.apache.spark.examples.SparkPi"), app, List.of(), conf);
  }

  private static void assertRefused(JobRequest request, String message) {
    assertThatThrownBy(() -> request.checkedAgainst(PROFILE)).isInstanceOfSatisfying(SparkK8sException.class, e -> {
      assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(e.lines()).singleElement().asString().startsWith(message);
    });
  }
}
