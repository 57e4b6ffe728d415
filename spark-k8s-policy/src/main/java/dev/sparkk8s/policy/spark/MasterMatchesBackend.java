package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.render.contract.ChartLabels;
import java.util.List;
import java.util.Map;

/**
 * {@code spark.master} must match the backend the spark-conf ConfigMap declares in
 * {@code spark-k8s.io/backend}: {@code k8s://} for kubernetes, {@code spark://} for standalone. An unknown or
 * missing backend is a finding, not a fallback. In a SparkApplication, a {@code spark.master} that is not
 * {@code k8s://} is a finding.
 */
public final class MasterMatchesBackend implements Rule {

  public static final String ID = "spark/master-matches-backend";
  private static final Map<String, String> SCHEME = Map.of("kubernetes", "k8s://", "standalone", "spark://");
  private static final String KEY = "spark.master";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (SparkConf conf : SparkConfs.release(manifests)) {
      Map<String, String> annotations = conf.owner().getMetadata().getAnnotations();
      String backend = annotations == null ? null : annotations.get(ChartLabels.BACKEND_ANNOTATION);
      String scheme = backend == null ? null : SCHEME.get(backend);
      if (scheme == null) {
        out.add(new Finding(ID, conf.resource(), null, "metadata.annotations[" + ChartLabels.BACKEND_ANNOTATION + "]",
            "backend is " + (backend == null ? "unset" : backend) + "; expected one of " + SCHEME.keySet(),
            "render the annotation from the chart's backend value (kubernetes or standalone)"));
        continue;
      }
      String master = conf.get(KEY).orElse(null);
      if (master == null || !master.startsWith(scheme)) {
        out.add(conf.finding(ID, KEY, conf.show(KEY) + " does not match backend " + backend + " (" + scheme + "...)",
            "let the chart derive spark.master from the backend; remove any master override"));
      }
    }
    for (SparkConf conf : SparkConfs.applications(manifests)) {
      String master = conf.get(KEY).orElse(null);
      if (master != null && !master.startsWith("k8s://")) {
        out.add(conf.finding(ID, KEY, conf.show(KEY) + " is not a k8s:// master; the operator runs on Kubernetes",
            "remove spark.master from sparkConf; the operator sets it"));
      }
    }
  }
}
