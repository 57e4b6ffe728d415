package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.source.SparkApplications;
import dev.sparkk8s.render.SparkDefaults;
import dev.sparkk8s.render.contract.ChartConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;

/** Finds Spark configuration by the chart's conventions. */
public final class SparkConfs {

  private SparkConfs() {
  }

  /** The Connect server's configuration: {@link ChartConfigMap#CONNECT_CONF}. */
  public static List<SparkConf> release(Manifests manifests) {
    return of(manifests, ChartConfigMap.CONNECT_CONF);
  }

  /** {@code spec.sparkConf} of every SparkApplication, of either flavour. */
  public static List<SparkConf> applications(Manifests manifests) {
    return manifests.all(GenericKubernetesResource.class).stream()
        .filter(SparkApplications::isSparkApplication)
        .map(app -> new SparkConf(app, "spec.sparkConf", SparkApplications.sparkConf(app)))
        .toList();
  }

  /** The History Server's configuration: {@link ChartConfigMap#HISTORY_CONF}. */
  public static List<SparkConf> history(Manifests manifests) {
    return of(manifests, ChartConfigMap.HISTORY_CONF);
  }

  private static List<SparkConf> of(Manifests manifests, ChartConfigMap file) {
    return manifests.all(ConfigMap.class).stream().filter(file::is)
        .map(cm -> new SparkConf(cm, "data[" + file.key() + "]", SparkDefaults.parse(cm.getData().get(file.key()))))
        .toList();
  }
}
