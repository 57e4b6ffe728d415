package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.ConnectTrust;
import dev.sparkk8s.connect.DeploymentCheck;
import dev.sparkk8s.local.LocalTlsCertificates;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * security.authenticate with network and disk encryption on the kubernetes backend: the driver makes the secret
 * and gives it to the executor pods it creates, or (existingSecret) the driver and its executor pods read the
 * Secret as a file; either way they register and run the known-answer queries over authenticated, encrypted
 * connections, and an executor pod with another secret is refused by the driver and never registers. With the
 * Secret, the clients reach the server through the chart's TLS proxy (security.connect) with a token: the queries
 * pass through it, a wrong token is refused.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class AuthenticationKubernetesBackendIT {

  private static final String SECRET_ENV = "_SPARK_AUTH_SECRET";
  private static final String INTRUDER = "intruder-exec";
  private static final String AUTH_SECRET = "spark-auth";
  private static final String OTHER_SECRET = "other-auth";
  private static final String CONNECT_TLS = "spark-connect-tls";
  private static final String CONNECT_TOKEN = "spark-connect-token";

  @ParameterizedTest(name = "Spark {0}, the secret from a Secret: {1}")
  @CsvSource({"3.5, false", "4.1, false", "3.5, true", "4.1, true"})
  void executorsWithTheDriversSecretRegisterAndOneWithoutItIsRefused(String version, boolean fromSecret,
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path runDir) throws Exception {
    List<String> sets = new ArrayList<>(List.of("spark.executor.instances=1", "spark.executor.cores=1",
        "spark.executor.memory=1g", "security.authenticate.enabled=true", "security.networkEncryption=true",
        "security.ioEncryption=true"));
    LocalTlsCertificates.Issued tls = LocalTlsCertificates.issue();
    if (fromSecret) {
      sets.add("security.authenticate.existingSecret=" + AUTH_SECRET);
      // And the clients' side: Spark Connect behind the chart's TLS proxy with a token.
      sets.addAll(List.of("security.connect.enabled=true", "security.connect.tls.existingSecret=" + CONNECT_TLS,
          "security.connect.token.existingSecret=" + CONNECT_TOKEN));
      ConnectTrust.trust(Files.writeString(runDir.resolve("ca.crt"), tls.ca().certificate()));
    }
    try (KubernetesBackendRun run = KubernetesBackendRun.setup(Charts.chartDir(), version, runDir).sets(sets)
        .existing(secret(AUTH_SECRET, "the-release-secret"), secret(OTHER_SECRET, "not-the-release-secret"),
            new SecretBuilder().withNewMetadata().withName(CONNECT_TLS).endMetadata().withType("kubernetes.io/tls")
                .addToStringData("tls.crt", tls.server().certificate())
                .addToStringData("tls.key", tls.server().privateKey()).build(),
            new SecretBuilder().withNewMetadata().withName(CONNECT_TOKEN).endMetadata()
                .addToStringData("token", "the-clients-token").build())
        .start()) {
      assertThat(run.connectUrl()).as("the client URL").contains(fromSecret ? ";use_ssl=true;token=the-clients-token" : "sc://");
      assertThat(DeploymentCheck.failures(run.connectUrl(), null)).as("known-answer queries").isEmpty();
      if (fromSecret) {
        assertThatThrownBy(() -> ConnectSessions.open(run.connectUrl().replace("the-clients-token", "another")))
            .as("a wrong token, at the proxy").hasStackTraceContaining("UNAUTHENTICATED");
      }
      Pod executor = run.executorPods().get(0);
      if (fromSecret) {
        assertThat(env(executor, SECRET_ENV)).as("no secret in the executor pod's spec").isEmpty();
        assertThat(executor.getSpec().getVolumes()).extracting(v -> v.getSecret() == null ? null
            : v.getSecret().getSecretName()).contains(AUTH_SECRET);
      } else {
        assertThat(env(executor, SECRET_ENV)).as("the secret Spark gave the executor pod").isNotBlank();
      }
      assertThat(javaOpts(executor)).contains("spark.authenticate=true", "spark.network.crypto.enabled=true");

      run.api().client().pods().inNamespace(KubernetesBackendRun.NAMESPACE).resource(intruder(executor)).create();
      try {
        Waits.until("the intruder's executor process ended", Duration.ofMinutes(2), () -> ended(run));
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + "; refused pods: " + run.kubelet().refused() + "; its log: "
            + intruderLog(runDir), e);
      }
      assertThat(SparkRestApi.of(run.uiUrl()).executors(true)).extracting(e -> e.path("id").asText())
          .as("executors the driver registered").doesNotContain("99");
      assertThat(intruderLog(runDir)).as("the intruder's log").containsAnyOf("Authentication failed",
          "authentication", "Failed to connect", "SASL");
    }
  }

  private static Secret secret(String name, String value) {
    return new SecretBuilder().withNewMetadata().withName(name).endMetadata().addToStringData("secret", value).build();
  }

  /** The executor pod, renamed, out of its driver's sight (no application label), with executor id 99 and another secret. */
  private static Pod intruder(Pod executor) {
    Pod copy = new PodBuilder(executor).editMetadata().withName(INTRUDER).withResourceVersion(null).withUid(null)
        .withOwnerReferences(List.of()).withCreationTimestamp(null)
        // The kubelet runs executor pods; the driver watches only those of its application (spark-app-selector).
        .withLabels(Map.of(ChartLabels.SPARK_ROLE, ChartLabels.SPARK_ROLE_EXECUTOR, "app", INTRUDER))
        .endMetadata().editSpec().withNodeName(null).endSpec().withStatus(null).build();
    List<EnvVar> env = copy.getSpec().getContainers().get(0).getEnv().stream().map(e -> switch (e.getName()) {
      case SECRET_ENV -> new EnvVarBuilder(e).withValue("not-the-drivers-secret").build();
      case "SPARK_EXECUTOR_ID" -> new EnvVarBuilder(e).withValue("99").build();
      case "SPARK_EXECUTOR_POD_NAME" -> new EnvVarBuilder().withName(e.getName()).withValue(INTRUDER).build();
      default -> e;
    }).toList();
    copy.getSpec().getContainers().get(0).setEnv(env);
    copy.getSpec().getVolumes().stream().filter(v -> v.getSecret() != null && AUTH_SECRET.equals(v.getSecret().getSecretName()))
        .forEach(v -> v.getSecret().setSecretName(OTHER_SECRET));
    return copy;
  }

  private static boolean ended(KubernetesBackendRun run) {
    Pod pod = run.api().client().pods().inNamespace(KubernetesBackendRun.NAMESPACE).withName(INTRUDER).get();
    return pod != null && pod.getStatus() != null && ("Failed".equals(pod.getStatus().getPhase())
        || "Succeeded".equals(pod.getStatus().getPhase()));
  }

  private static String env(Pod pod, String name) {
    return pod.getSpec().getContainers().get(0).getEnv().stream().filter(e -> name.equals(e.getName()))
        .map(EnvVar::getValue).findFirst().orElse("");
  }

  private static String javaOpts(Pod pod) {
    return pod.getSpec().getContainers().get(0).getEnv().stream().filter(e -> e.getName().startsWith("SPARK_JAVA_OPT_"))
        .map(EnvVar::getValue).collect(Collectors.joining(" "));
  }

  private static String intruderLog(Path runDir) {
    try (Stream<Path> files = Files.walk(runDir)) {
      return files.filter(f -> f.toString().contains(INTRUDER) && f.toString().endsWith(".log")).map(f -> {
        try {
          return Files.readString(f);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
