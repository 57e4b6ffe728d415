package dev.sparkk8s.bench;

import dev.sparkk8s.kube.KubernetesBackendRun;
import dev.sparkk8s.local.ClassDataArchive;
import dev.sparkk8s.local.SparkHome;
import java.nio.file.Path;

/**
 * A running Spark Connect platform a benchmark drives: {@code up --local} (standalone backend) or
 * the Kubernetes harness (kubernetes backend: Spark's own scheduler on the mock API, executor pods
 * run by the local kubelet). Closing it stops everything it started.
 */
interface ConnectPlatform extends AutoCloseable {

  String connectUrl();

  @Override
  void close();

  static ConnectPlatform start(BenchOptions options, String sparkLine, Path runDir) {
    SparkHome home = SparkHome.built(sparkLine);
    if (options.backend().equals("standalone")) {
      PlatformRun run = new PlatformRun(home, options.workers(), options.sets(), runDir);
      return new Started(run.connectUrl(), run::close);
    }
    ClassDataArchive.of(home).ensure(line -> Log.say("  " + line));
    Log.say("  kubernetes backend on the harness: Spark " + sparkLine + ", " + String.join(" ", options.sets()));
    KubernetesBackendRun run = KubernetesBackendRun.start(options.root().resolve("charts/spark-k8s"), sparkLine,
        options.sets(), runDir);
    return new Started(run.connectUrl(), run::close);
  }

  /** A started platform: its Connect URL and how to stop it. */
  record Started(String connectUrl, Runnable stop) implements ConnectPlatform {

    @Override
    public void close() {
      stop.run();
    }
  }
}
