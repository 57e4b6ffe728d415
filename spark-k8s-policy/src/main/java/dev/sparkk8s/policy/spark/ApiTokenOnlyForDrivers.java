package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.policy.source.SparkApplications;
import dev.sparkk8s.policy.source.SparkRole;
import dev.sparkk8s.policy.source.SparkServiceAccount;
import dev.sparkk8s.render.contract.ChartConfigMap;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A Spark driver that talks to the Kubernetes API authenticates with its ServiceAccount token, so exactly those
 * pods get one: a pod whose Spark server reads a spark-conf of backend {@code kubernetes}, and the driver of every
 * SparkApplication and every batch job's driver template in a ConfigMap (in cluster mode they create their
 * executors). Every other Spark pod gets none, so a compromised
 * process there holds no credential: SparkApplication executors, the other pod templates in ConfigMaps (executors), a Spark
 * server reading a spark-conf of backend {@code standalone}, and the Standalone master, workers and History Server
 * (by the class they run). The token is the pod's {@code automountServiceAccountToken}, else its ServiceAccount's,
 * else mounted (a ServiceAccount that is not rendered, {@code default} included, mounts it unless told otherwise).
 * A pod reading a spark-conf of an unknown backend is left to {@link MasterMatchesBackend}.
 */
public final class ApiTokenOnlyForDrivers implements Rule {

  public static final String ID = "spark/api-token-only-for-drivers";
  private static final String FIELD = "automountServiceAccountToken";
  private static final String K8S_DRIVER = "a Spark driver of the kubernetes backend";
  private static final String JOB_DRIVER = "a batch job's driver pod template";
  private static final Map<String, String> DAEMONS = Map.of(
      "org.apache.spark.deploy.master.Master", "the Standalone master",
      "org.apache.spark.deploy.worker.Worker", "a Standalone worker",
      "org.apache.spark.deploy.history.HistoryServer", "the History Server");

  /** Whether a pod gets a token, and why. */
  private record Token(boolean mounted, String reason) {
  }

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (GenericKubernetesResource app : SparkApplications.in(manifests)) {
      check(manifests, SparkApplications.pod(app, SparkRole.DRIVER), true, "the driver of a SparkApplication", out);
      check(manifests, SparkApplications.pod(app, SparkRole.EXECUTOR), false, "a SparkApplication's executor", out);
    }
    for (PodSite site : manifests.podSites()) {
      if (!SparkApplications.isSparkApplication(site.owner())) {
        role(manifests, site).ifPresent(what -> check(manifests, site,
            what.equals(K8S_DRIVER) || what.equals(JOB_DRIVER), what, out));
      }
    }
  }

  /** What the pod runs, when it is a Spark process the rule knows about. */
  private static Optional<String> role(Manifests manifests, PodSite site) {
    Set<String> backends = confBackends(manifests, site);
    if (backends.contains("kubernetes")) {
      return Optional.of(K8S_DRIVER);
    }
    if (!backends.isEmpty()) {
      return backends.stream().allMatch("standalone"::equals)
          ? Optional.of("the Spark server of the standalone backend") : Optional.empty();
    }
    if (site.owner() instanceof ConfigMap cm) {
      if (!ChartLabels.JOB_DRIVER_COMPONENT.equals(site.labels().get(ChartLabels.COMPONENT))) {
        return Optional.of("an executor pod template");
      }
      // A standalone-backend job's pod runs spark-submit against the master; its driver runs on a worker.
      return Optional.of("standalone".equals(annotations(cm).get(ChartLabels.BACKEND_ANNOTATION))
          ? "the submitting pod of a standalone-backend batch job" : JOB_DRIVER);
    }
    return site.containers().stream().filter(c -> !c.init())
        .flatMap(c -> Stream.concat(list(c.container().getCommand()).stream(), list(c.container().getArgs()).stream()))
        .map(DAEMONS::get).filter(Objects::nonNull).findFirst();
  }

  private static void check(Manifests manifests, PodSite site, boolean driver, String what, List<Finding> out) {
    Token token = token(manifests, site);
    if (driver && !token.mounted()) {
      out.add(site.onPod(ID, FIELD, what + " talks to the Kubernetes API but gets no ServiceAccount token ("
              + token.reason() + "), so it cannot create or watch its executor pods",
          "set automountServiceAccountToken: true in the driver's pod spec; leave it false on the ServiceAccount"));
    } else if (!driver && token.mounted()) {
      out.add(site.onPod(ID, FIELD, what + " does not talk to the Kubernetes API but gets a ServiceAccount token ("
              + token.reason() + ")",
          "set automountServiceAccountToken: false in the pod spec; only drivers that talk to the API need it"));
    }
  }

  private static Token token(Manifests manifests, PodSite site) {
    Boolean own = site.spec().getAutomountServiceAccountToken();
    if (own != null) {
      return new Token(own, FIELD + " is " + own);
    }
    String name = SparkServiceAccount.of(site.spec());
    Optional<ServiceAccount> account = manifests.all(ServiceAccount.class).stream()
        .filter(sa -> name.equals(sa.getMetadata().getName()) && Manifests.sameNamespace(sa, site.owner()))
        .findFirst();
    Boolean fromAccount = account.map(ServiceAccount::getAutomountServiceAccountToken).orElse(null);
    if (fromAccount != null) {
      return new Token(fromAccount, FIELD + " is unset and ServiceAccount " + name + " sets it " + fromAccount);
    }
    return new Token(true, FIELD + " is unset and ServiceAccount " + name
        + (account.isPresent() ? " does not set it" : " is not rendered") + ", which mounts the token");
  }

  private static List<String> list(List<String> words) {
    return words == null ? List.of() : words;
  }

  /** The backend annotations of the spark-conf ConfigMaps the pod's Spark containers read ("" when missing). */
  private static Set<String> confBackends(Manifests manifests, PodSite site) {
    return ConfigMapMount.in(site).stream()
        .filter(m -> !m.container().init())
        .flatMap(m -> manifests.configMap(site.owner(), m.configMapName()).stream())
        .filter(ChartConfigMap.CONNECT_CONF::is)
        .map(ApiTokenOnlyForDrivers::backend)
        .collect(Collectors.toSet());
  }

  private static String backend(ConfigMap cm) {
    Map<String, String> annotations = cm.getMetadata().getAnnotations();
    return annotations == null ? "" : annotations.getOrDefault(ChartLabels.BACKEND_ANNOTATION, "");
  }

  private static Map<String, String> annotations(ConfigMap cm) {
    return cm.getMetadata().getAnnotations() == null ? Map.of() : cm.getMetadata().getAnnotations();
  }
}
