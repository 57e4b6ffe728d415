package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.policy.source.SparkApplications;
import dev.sparkk8s.render.SparkDefaults;
import dev.sparkk8s.render.contract.ChartConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A Spark process that reads S3 through S3A needs hadoop-aws and the AWS SDK, which the stock {@code apache/spark}
 * image lacks. Only spark-submit can fetch them ({@code spark.jars.packages} with hadoop-aws); an argument with an
 * {@code s3a://} URI (the event-log prefix init container) or a History Server has no such route.
 */
public final class S3aInImage implements Rule {

  public static final String ID = "spark/s3a-in-image";
  private static final String PACKAGES = "spark.jars.packages";
  private static final String HADOOP_AWS = "org.apache.hadoop:hadoop-aws:";
  private static final String FIX = "use an image with S3A (build one with images/Dockerfile) in spark.image.repository "
      + "and spark.image.tag";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (PodSite site : manifests.podSites()) {
      for (ContainerSite c : site.containers()) {
        if (StockImage.is(c.container().getImage())) {
          check(manifests, site, c, out);
        }
      }
    }
    for (SparkConf conf : SparkConfs.applications(manifests)) {
      Optional<String> s3a = s3aSetting(conf.values());
      String image = applicationImages(manifests, conf).filter(StockImage::is).findFirst().orElse(null);
      if (s3a.isPresent() && image != null && !fetchesHadoopAws(conf.values())) {
        out.add(conf.finding(ID, s3a.get(), "the driver and executors run " + image
            + ", which has no hadoop-aws, and read S3 (" + s3a.get() + ")",
            FIX + ", or add " + HADOOP_AWS + "<the image's Hadoop version> to " + PACKAGES
                + " (spark.s3.withPackages=true)"));
      }
    }
  }

  /** The images a SparkApplication runs: its sparkConf's, its spec's (kubeflow), its pod templates'. */
  private static Stream<String> applicationImages(Manifests manifests, SparkConf conf) {
    Stream<String> declared = Stream.of(conf.get("spark.kubernetes.container.image").orElse(null),
        Objects.toString(SparkApplications.spec((GenericKubernetesResource) conf.owner()).get("image"), null));
    Stream<String> templates = manifests.podSites().stream().filter(site -> site.owner() == conf.owner())
        .flatMap(site -> site.containers().stream()).map(c -> c.container().getImage());
    return Stream.concat(declared, templates).filter(Objects::nonNull);
  }

  private static void check(Manifests manifests, PodSite site, ContainerSite c, List<Finding> out) {
    Container container = c.container();
    Optional<String> s3aArgument = Stream.concat(list(container.getCommand()).stream(), list(container.getArgs()).stream())
        .filter(a -> a.contains("s3a://")).findFirst();
    if (s3aArgument.isPresent()) {
      out.add(site.onContainer(ID, c, "image", "runs " + container.getImage() + ", which has no hadoop-aws, on "
          + s3aArgument.get() + "; nothing can fetch S3A for it", FIX));
      return;
    }
    Optional<Map<String, String>> conf = mountedDefaults(manifests, site, c);
    Optional<String> s3a = conf.flatMap(S3aInImage::s3aSetting);
    if (s3a.isEmpty()) {
      return;
    }
    if (runsSparkSubmit(c) && fetchesHadoopAws(conf.get())) {
      return;
    }
    out.add(site.onContainer(ID, c, "image", "runs " + container.getImage() + ", which has no hadoop-aws, with "
        + s3a.get() + " in its spark-defaults.conf" + (runsSparkSubmit(c) ? " and no hadoop-aws in " + PACKAGES
        : "; only spark-submit can fetch packages"), FIX + (runsSparkSubmit(c)
        ? ", or set spark.s3.withPackages=true" : "")));
  }

  /** The first key that makes Spark use S3A: an fs.s3a setting or an s3a:// value. */
  private static Optional<String> s3aSetting(Map<String, String> conf) {
    return conf.entrySet().stream()
        .filter(e -> e.getKey().startsWith("spark.hadoop.fs.s3a.") || e.getValue().startsWith("s3a://"))
        .map(Map.Entry::getKey).sorted().findFirst();
  }

  private static boolean fetchesHadoopAws(Map<String, String> conf) {
    return List.of(conf.getOrDefault(PACKAGES, "").split(",")).stream().anyMatch(p -> p.strip().startsWith(HADOOP_AWS));
  }

  /** spark-submit directly or through a wrapper; no command at all is the image's entrypoint, which uses it too. */
  private static boolean runsSparkSubmit(ContainerSite c) {
    List<String> command = list(c.container().getCommand());
    return !c.init() && (command.isEmpty() || Stream.concat(command.stream(), list(c.container().getArgs()).stream())
        .anyMatch(a -> a.endsWith("/spark-submit") || a.equals("spark-submit")));
  }

  /** The spark-defaults.conf the container reads from its conf dir, when a ConfigMap provides it. */
  private static Optional<Map<String, String>> mountedDefaults(Manifests manifests, PodSite site, ContainerSite c) {
    String path = new SparkServer(site, c).confDir() + "/" + ChartConfigMap.SPARK_DEFAULTS;
    for (ConfigMapMount mount : ConfigMapMount.in(site)) {
      if (!mount.container().equals(c)) {
        continue;
      }
      Optional<String> key = mount.keyAt(path);
      Optional<ConfigMap> cm = manifests.configMap(site.owner(), mount.configMapName());
      if (key.isPresent() && cm.isPresent() && cm.get().getData() != null && cm.get().getData().containsKey(key.get())) {
        return Optional.of(SparkDefaults.parse(cm.get().getData().get(key.get())));
      }
    }
    return Optional.empty();
  }

  private static <T> List<T> list(List<T> list) {
    return list == null ? new ArrayList<>() : list;
  }
}
