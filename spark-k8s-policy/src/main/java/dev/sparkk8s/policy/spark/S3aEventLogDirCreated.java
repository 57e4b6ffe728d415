package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.policy.source.SparkApplications;
import dev.sparkk8s.policy.source.SparkRole;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Spark refuses to start when its event-log directory does not exist, and an S3 prefix exists only once something is
 * under it. Every Spark process logging to or reading from an {@code s3a://} event log (the Connect server, the
 * History Server, the driver of a SparkApplication) therefore needs an init container that creates the directory
 * ({@code -mkdir} on that URI) before it starts. A sidecar ({@code restartPolicy: Always}) does not wait for that.
 */
public final class S3aEventLogDirCreated implements Rule {

  public static final String ID = "spark/s3a-event-log-dir-created";
  private static final String FIX = "create the directory in an init container (FsShell -mkdir -p on it); the chart "
      + "renders create-event-log-dir for an s3a:// spark.eventLog.dir";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (SparkConf conf : SparkConfs.release(manifests)) {
      s3aLogDir(conf, "spark.eventLog.dir").filter(dir -> conf.isTrue("spark.eventLog.enabled"))
          .ifPresent(dir -> checkServers(manifests, conf, dir, "the Spark server writes its event log to ", out));
    }
    for (SparkConf conf : SparkConfs.history(manifests)) {
      s3aLogDir(conf, "spark.history.fs.logDirectory")
          .ifPresent(dir -> checkServers(manifests, conf, dir, "the History Server reads event logs from ", out));
    }
    for (GenericKubernetesResource app : SparkApplications.in(manifests)) {
      SparkConf conf = new SparkConf(app, "spec.sparkConf", SparkApplications.sparkConf(app));
      Optional<String> dir = s3aLogDir(conf, "spark.eventLog.dir").filter(d -> conf.isTrue("spark.eventLog.enabled"));
      PodSite driver = SparkApplications.pod(app, SparkRole.DRIVER);
      if (dir.isPresent() && !created(driver, dir.get())) {
        out.add(driver.onPod(ID, "initContainers", message("the driver writes its event log to ", dir.get()), FIX));
      }
    }
  }

  private static void checkServers(Manifests manifests, SparkConf conf, String dir, String what, List<Finding> out) {
    for (SparkServer server : SparkServer.mounting(manifests, (ConfigMap) conf.owner())) {
      if (!created(server.site(), dir)) {
        out.add(server.site().onPodFor(ID, server.container(), "initContainers", message(what, dir), FIX));
      }
    }
  }

  private static String message(String what, String dir) {
    return what + dir + " but no init container creates it first; Spark refuses to start without it";
  }

  private static Optional<String> s3aLogDir(SparkConf conf, String key) {
    return conf.get(key).filter(dir -> dir.startsWith("s3a://"));
  }

  /** An init container that runs to completion before the Spark container and runs {@code -mkdir} on the dir. */
  private static boolean created(PodSite site, String dir) {
    return site.containers().stream().filter(ContainerSite::init).map(ContainerSite::container)
        .filter(c -> !"Always".equals(c.getRestartPolicy()))
        .anyMatch(c -> words(c).anyMatch("-mkdir"::equals) && words(c).anyMatch(w -> sameDir(w, dir)));
  }

  private static Stream<String> words(Container c) {
    return Stream.concat(c.getCommand() == null ? Stream.empty() : c.getCommand().stream(),
        c.getArgs() == null ? Stream.empty() : c.getArgs().stream());
  }

  private static boolean sameDir(String a, String b) {
    return strip(a).equals(strip(b));
  }

  private static String strip(String path) {
    return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
