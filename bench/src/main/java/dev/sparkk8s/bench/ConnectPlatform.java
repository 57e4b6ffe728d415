package dev.sparkk8s.bench;

import dev.sparkk8s.kube.KubernetesBackendRun;
import dev.sparkk8s.local.ClassDataArchive;
import dev.sparkk8s.local.SparkHome;
import java.nio.file.Path;
import java.util.List;

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
    return start(options, options.backend(), options.sets(), sparkLine, runDir);
  }

  /** The same on the given backend with the given {@code --set} arguments (instead of the options' own). */
  static ConnectPlatform start(BenchOptions options, String backend, List<String> sets, String sparkLine, Path runDir) {
    SparkHome home = SparkHome.built(sparkLine);
    if (backend.equals("standalone")) {
      PlatformRun run = new PlatformRun(home, options.workers(), sets, runDir);
      return new Started(run.connectUrl(), run::close);
    }
    ClassDataArchive.of(home).ensure(line -> Log.say("  " + line));
    Log.say("  kubernetes backend on the harness: Spark " + sparkLine + ", " + String.join(" ", sets));
    KubernetesBackendRun run = KubernetesBackendRun.start(options.root().resolve("charts/spark-k8s"), sparkLine,
        sets, runDir);
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
