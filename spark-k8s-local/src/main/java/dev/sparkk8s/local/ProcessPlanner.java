package dev.sparkk8s.local;

import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.SparkDefaults;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.Volume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Turns a rendered container into a {@link ProcessPlan}, as a kubelet and the image's entrypoint
 * would run it: environment from the pod spec (downward API answered locally), {@code $(VAR)}
 * references expanded, mounted ConfigMaps written out, volumes as run directories, the chart's
 * launch wrapper kept, and the image's {@code spark-class} / {@code spark-submit} after it run
 * through the local Spark home.
 */
final class ProcessPlanner {

  /** What the kubelet expands in command, args and env values: {@code $(NAME)}, and {@code $$} to {@code $}. */
  private static final Pattern ENV_REF = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

  private final RenderedRelease release;
  private final LocalAddresses addresses;
  private final SparkHome home;

  ProcessPlanner(RenderedRelease release, LocalAddresses addresses, SparkHome home) {
    this.release = release;
    this.addresses = addresses;
    this.home = home;
  }

  ProcessPlan plan(ChartContainer c) {
    Container container = c.container();
    Map<String, String> env = env(c);
    writeVolumes(c);
    LaunchWrapper launch = LaunchWrapper.of(c, word -> expand(word, env));
    List<String> args = new ArrayList<>(sparkClassPrefix(c, launch.command().get(0)));
    Stream.concat(launch.command().stream().skip(1), container.getArgs().stream().map(arg -> expand(arg, env)))
        .forEach(word -> args.add(addresses.arg(c, word)));
    Path workDir = addresses.mounts(c).getOrDefault("/opt/spark/work-dir", addresses.instanceDir(c));
    Path log = addresses.instanceDir(c).resolve(c.instance() + ".log");
    return new ProcessPlan(c, c.instance(), launch, List.copyOf(args), env, workDir, log);
  }

  /** What the image's scripts put before the words that follow them. */
  private static List<String> sparkClassPrefix(ChartContainer c, String command) {
    String script = Path.of(command).getFileName().toString();
    return switch (script) {
      case "spark-class" -> List.of();
      case "spark-submit" -> List.of("org.apache.spark.deploy.SparkSubmit");
      default -> throw new LocalRuntimeException(c.instance() + ": the local runtime runs spark-class and "
          + "spark-submit containers, not " + command);
    };
  }

  private Map<String, String> env(ChartContainer c) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPARK_HOME", home.dir().toString());
    env.put("SPARK_SCALA_VERSION", home.scalaVersion());
    // Every Spark service binds to loopback here (web UIs bind to SPARK_LOCAL_IP).
    env.put("SPARK_LOCAL_IP", LocalAddresses.LOOPBACK);
    for (EnvVar var : c.container().getEnv()) {
      String value = value(c, var);
      if (value != null) {
        env.put(var.getName(), addresses.text(c, expand(value, env)));
      }
    }
    return env;
  }

  /** An env var as a kubelet resolves it; null when this machine has no answer (a Secret it cannot read). */
  private static String value(ChartContainer c, EnvVar var) {
    EnvVarSource from = var.getValueFrom();
    if (from == null) {
      return var.getValue() == null ? "" : var.getValue();
    }
    if (from.getFieldRef() != null) {
      return switch (from.getFieldRef().getFieldPath()) {
        case "status.podIP", "status.hostIP" -> LocalAddresses.LOOPBACK;
        case "metadata.name" -> c.instance();
        case "metadata.namespace" -> "default";
        default -> null;
      };
    }
    // Secrets stay secret: a variable of the same name in this shell is used, as a kubelet would inject it.
    return System.getenv(var.getName());
  }

  static String expand(String s, Map<String, String> env) {
    Matcher m = ENV_REF.matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = m.group(1) == null ? "$" : env.get(m.group(1));
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }

  private void writeVolumes(ChartContainer c) {
    try {
      for (Volume volume : c.pod().getSpec().getVolumes()) {
        Path dir = addresses.volumeDir(c, volume);
        Files.createDirectories(dir);
        if (volume.getConfigMap() != null) {
          ConfigMap cm = configMap(volume.getConfigMap().getName());
          for (Map.Entry<String, String> file : cm.getData().entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), rewrite(c, file.getKey(), file.getValue()));
          }
        }
      }
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot write the run directory for " + c.instance() + ": " + e.getMessage(), e);
    }
  }

  private String rewrite(ChartContainer c, String fileName, String content) {
    if (!fileName.equals(SparkDefaults.FILE_KEY)) {
      return content;
    }
    return SparkDefaults.parse(content).entrySet().stream()
        .map(e -> e.getKey() + " " + addresses.confValue(c, e.getKey(), e.getValue()))
        .collect(Collectors.joining("\n", "", "\n"));
  }

  private ConfigMap configMap(String name) {
    return release.find("ConfigMap", name).map(ConfigMap.class::cast)
        .orElseThrow(() -> new LocalRuntimeException("the chart mounts ConfigMap " + name + " but renders none"));
  }
}
