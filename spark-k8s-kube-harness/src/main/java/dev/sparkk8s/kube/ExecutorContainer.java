package dev.sparkk8s.kube;

import dev.sparkk8s.local.MountedPaths;
import dev.sparkk8s.local.SparkHome;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An executor pod's container as the apache/spark image's entrypoint runs it ({@code executor}
 * argument): a JVM with the pod's {@code SPARK_JAVA_OPT_n} options and {@code SPARK_EXECUTOR_MEMORY}
 * heap, running {@code KubernetesExecutorBackend} with the pod's own environment. Volumes are
 * directories of the run; ConfigMap volumes are written from the API.
 */
record ExecutorContainer(List<String> command, Map<String, String> env, Path workDir) {

  static final String BACKEND = "org.apache.spark.scheduler.cluster.k8s.KubernetesExecutorBackend";

  static ExecutorContainer of(Pod pod, KubernetesClient client, SparkHome home, Path podDir) {
    Container c = pod.getSpec().getContainers().get(0);
    if (c.getArgs() == null || !c.getArgs().contains("executor")) {
      throw new IllegalStateException("pod " + pod.getMetadata().getName() + " is not a Spark executor: args " + c.getArgs());
    }
    Map<String, Path> mounts = mounts(pod, c, client, podDir);
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SPARK_HOME", home.dir().toString());
    env.put("SPARK_SCALA_VERSION", home.scalaVersion());
    for (EnvVar var : c.getEnv()) {
      env.put(var.getName(), MountedPaths.replace(mounts, value(pod, var)));
    }
    List<String> command = new ArrayList<>(List.of(javaBinary()));
    new TreeMap<>(env).forEach((k, v) -> {
      if (k.startsWith("SPARK_JAVA_OPT_")) {
        command.add(v);
      }
    });
    String memory = env.get("SPARK_EXECUTOR_MEMORY");
    command.addAll(List.of("-Xms" + memory, "-Xmx" + memory));
    String confDir = env.get("SPARK_CONF_DIR");
    command.addAll(List.of("-cp", (confDir == null ? "" : confDir + ":") + home.jars() + "/*", BACKEND,
        "--driver-url", env.get("SPARK_DRIVER_URL"),
        "--executor-id", env.get("SPARK_EXECUTOR_ID"),
        "--cores", env.get("SPARK_EXECUTOR_CORES"),
        "--app-id", env.get("SPARK_APPLICATION_ID"),
        "--hostname", env.get("SPARK_EXECUTOR_POD_IP"),
        "--resourceProfileId", env.getOrDefault("SPARK_RESOURCE_PROFILE_ID", "0"),
        "--podName", env.getOrDefault("SPARK_EXECUTOR_POD_NAME", pod.getMetadata().getName())));
    Path workDir = mounts.getOrDefault("/opt/spark/work-dir", podDir);
    return new ExecutorContainer(command, env, workDir);
  }

  private static String value(Pod pod, EnvVar var) {
    if (var.getValueFrom() == null) {
      return var.getValue() == null ? "" : var.getValue();
    }
    if (var.getValueFrom().getFieldRef() != null) {
      return switch (var.getValueFrom().getFieldRef().getFieldPath()) {
        case "status.podIP", "status.hostIP" -> "127.0.0.1";
        case "metadata.name" -> pod.getMetadata().getName();
        case "metadata.namespace" -> pod.getMetadata().getNamespace();
        default -> "";
      };
    }
    return System.getenv().getOrDefault(var.getName(), "");
  }

  private static Map<String, Path> mounts(Pod pod, Container c, KubernetesClient client, Path podDir) {
    Map<String, Path> mounts = new LinkedHashMap<>();
    try {
      for (VolumeMount m : c.getVolumeMounts()) {
        Volume v = pod.getSpec().getVolumes().stream().filter(x -> x.getName().equals(m.getName())).findFirst()
            .orElseThrow(() -> new IllegalStateException("volume " + m.getName() + " is mounted but not declared"));
        Path dir = Files.createDirectories(podDir.resolve("volumes").resolve(v.getName()));
        if (v.getConfigMap() != null) {
          ConfigMap cm = client.configMaps().inNamespace(pod.getMetadata().getNamespace())
              .withName(v.getConfigMap().getName()).get();
          if (cm != null && cm.getData() != null) {
            for (Map.Entry<String, String> file : cm.getData().entrySet()) {
              Files.writeString(dir.resolve(file.getKey()), file.getValue());
            }
          }
        }
        mounts.put(m.getMountPath(), dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return mounts;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
