package dev.sparkk8s.local;

import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.SparkDefaults;
import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The S3 a rendered release uses, read from what its Connect server gets: the S3A keys of its
 * spark-defaults.conf (the chart writes {@value #REGION} whenever spark.s3.enabled), the buckets of every
 * {@code s3a://} location there (event log, warehouse, ...), and the Secret its AWS key variables come from.
 *
 * @param endpoint        {@code fs.s3a.endpoint}, empty for AWS S3
 * @param accessKeyId     where AWS_ACCESS_KEY_ID comes from, or null (the pods' own identity)
 * @param secretAccessKey where AWS_SECRET_ACCESS_KEY comes from, or null
 */
public record S3Settings(String endpoint, String region, boolean pathStyle, List<String> buckets,
    SecretKeySelector accessKeyId, SecretKeySelector secretAccessKey) {

  static final String PREFIX = "spark.hadoop.fs.s3a.";
  static final String REGION = PREFIX + "endpoint.region";
  static final String ENDPOINT = PREFIX + "endpoint";
  static final String PATH_STYLE = PREFIX + "path.style.access";
  static final String ACCESS_KEY_VARIABLE = "AWS_ACCESS_KEY_ID";
  static final String SECRET_KEY_VARIABLE = "AWS_SECRET_ACCESS_KEY";

  private static final Pattern BUCKET = Pattern.compile("s3a://([^/\\s,]+)");
  /** A Service address in a cluster: {@code name.namespace.svc[.cluster.local]}, or a bare Service name. */
  private static final Pattern CLUSTER_HOST = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+\\.svc(\\.cluster\\.local)?)?");

  /** The release's S3, if it configures S3A (spark.s3.enabled). */
  public static Optional<S3Settings> of(RenderedRelease release) {
    Map<String, String> conf = SparkDefaults.connect(release).orElse(Map.of());
    if (!conf.containsKey(REGION)) {
      return Optional.empty();
    }
    TreeSet<String> buckets = new TreeSet<>();
    conf.values().forEach(value -> {
      Matcher m = BUCKET.matcher(value);
      while (m.find()) {
        buckets.add(m.group(1));
      }
    });
    List<EnvVar> env = ChartContainer.of(release).stream().filter(c -> c.component() == Component.CONNECT).findFirst()
        .map(c -> c.container().getEnv()).orElse(List.of());
    return Optional.of(new S3Settings(conf.getOrDefault(ENDPOINT, ""), conf.get(REGION),
        Boolean.parseBoolean(conf.getOrDefault(PATH_STYLE, "false")), List.copyOf(buckets),
        secretRef(env, ACCESS_KEY_VARIABLE), secretRef(env, SECRET_KEY_VARIABLE)));
  }

  /**
   * Whether the local runtime plays this S3 with its embedded server: no endpoint (AWS S3 is not this
   * machine's), or a Service of the cluster the values were written for (e.g. the s3-minio preset's MinIO).
   * Any other endpoint is the user's, and used as given.
   */
  public boolean embedded() {
    if (endpoint.isBlank()) {
      return true;
    }
    String host = URI.create(endpoint).getHost();
    return host != null && CLUSTER_HOST.matcher(host).matches() && !host.equals("localhost");
  }

  /** The Secret both key variables come from, if they come from one. */
  public Optional<String> secretName() {
    return accessKeyId == null ? Optional.empty() : Optional.of(accessKeyId.getName());
  }

  private static SecretKeySelector secretRef(List<EnvVar> env, String name) {
    return env.stream().filter(v -> v.getName().equals(name) && v.getValueFrom() != null)
        .map(v -> v.getValueFrom().getSecretKeyRef()).filter(r -> r != null).findFirst().orElse(null);
  }
}
