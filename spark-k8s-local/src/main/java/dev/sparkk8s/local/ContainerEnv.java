package dev.sparkk8s.local;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's environment as a kubelet resolves it, answered for this machine: {@code value},
 * {@code valueFrom} fieldRef (the downward API: this machine's loopback address as the pod's and
 * the host's IP), configMapKeyRef and secretKeyRef, in order, each value's {@code $(NAME)} expanded
 * against the variables before it.
 */
final class ContainerEnv {

  /** What the kubelet expands in command, args and env values: {@code $(NAME)}, and {@code $$} to {@code $}. */
  private static final Pattern ENV_REF = Pattern.compile("\\$\\$|\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
  /** {@code metadata.labels['key']} and {@code metadata.annotations['key']}. */
  private static final Pattern META_KEY = Pattern.compile("metadata\\.(labels|annotations)\\['(.+)'\\]");

  private ContainerEnv() {
  }

  /**
   * The resolved environment: {@code base} first, then the container's variables (a variable
   * without an answer here is left unset), each passed through {@code rewrite} after expansion.
   */
  static Map<String, String> resolve(ChartContainer c, String namespace, PodObjects objects, Map<String, String> base,
      UnaryOperator<String> rewrite) {
    Map<String, String> env = new LinkedHashMap<>(base);
    for (EnvVar var : c.container().getEnv()) {
      String value = value(c, namespace, objects, var);
      if (value != null) {
        env.put(var.getName(), rewrite.apply(expand(value, env)));
      }
    }
    return env;
  }

  /** {@code $(NAME)} replaced by its value where NAME is set, {@code $$} by {@code $}; everything else as written. */
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

  /** One variable's value before expansion, or null when it stays unset. */
  private static String value(ChartContainer c, String namespace, PodObjects objects, EnvVar var) {
    EnvVarSource from = var.getValueFrom();
    if (from == null) {
      return var.getValue() == null ? "" : var.getValue();
    }
    if (from.getFieldRef() != null) {
      return field(c, namespace, from.getFieldRef().getFieldPath());
    }
    if (from.getConfigMapKeyRef() != null) {
      ConfigMapKeySelector ref = from.getConfigMapKeyRef();
      Optional<String> value = objects.configMap(ref.getName()).map(ConfigMap::getData).map(d -> d.get(ref.getKey()));
      return value.orElseGet(() -> missing(c, var, "ConfigMap " + ref.getName() + " key " + ref.getKey(),
          ref.getOptional()));
    }
    if (from.getSecretKeyRef() != null) {
      return secretKey(objects, from.getSecretKeyRef(), var.getName()).orElse(null);
    }
    throw new LocalRuntimeException(c.instance() + ": env " + var.getName() + " comes from a source the local runtime "
        + "does not answer (" + from + "); it answers value, fieldRef, configMapKeyRef and secretKeyRef");
  }

  /** The downward API's fields, as a kubelet answers them for this pod on this machine. */
  private static String field(ChartContainer c, String namespace, String path) {
    ObjectMeta meta = c.pod().getMetadata() == null ? new ObjectMeta() : c.pod().getMetadata();
    Matcher key = META_KEY.matcher(path);
    if (key.matches()) {
      Map<String, String> map = key.group(1).equals("labels") ? meta.getLabels() : meta.getAnnotations();
      return map == null ? "" : map.getOrDefault(key.group(2), "");
    }
    return switch (path) {
      case "status.podIP", "status.podIPs", "status.hostIP", "status.hostIPs" -> LocalAddresses.LOOPBACK;
      // A pod's own name; a pod template (up --local) has none: its instance's.
      case "metadata.name" -> meta.getName() != null ? meta.getName() : c.instance();
      case "metadata.namespace" -> meta.getNamespace() != null ? meta.getNamespace() : namespace;
      case "metadata.uid" -> meta.getUid() != null ? meta.getUid() : "";
      case "spec.nodeName" -> c.pod().getSpec().getNodeName() != null ? c.pod().getSpec().getNodeName() : "localhost";
      case "spec.serviceAccountName" -> c.pod().getSpec().getServiceAccountName() != null
          ? c.pod().getSpec().getServiceAccountName() : "default";
      default -> throw new LocalRuntimeException(c.instance() + ": fieldRef " + path + " is not a field the downward "
          + "API offers (a cluster refuses the pod)");
    };
  }

  /**
   * A secretKeyRef's value: from a Secret the pod's namespace holds, else, for a Secret the release only names
   * (the user creates it on a cluster), the variable of the same name in this shell, as the kubelet would inject it.
   */
  static Optional<String> secretKey(PodObjects objects, SecretKeySelector ref, String variable) {
    return objects.secret(ref.getName()).flatMap(s -> secretValue(s, ref.getKey()))
        .or(() -> Optional.ofNullable(System.getenv(variable)));
  }

  private static Optional<String> secretValue(Secret s, String key) {
    if (s.getStringData() != null && s.getStringData().containsKey(key)) {
      return Optional.of(s.getStringData().get(key));
    }
    return Optional.ofNullable(s.getData()).map(d -> d.get(key))
        .map(b64 -> new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
  }

  /** A missing optional reference leaves the variable unset; a missing required one keeps the container from starting. */
  private static String missing(ChartContainer c, EnvVar var, String what, Boolean optional) {
    if (Boolean.TRUE.equals(optional)) {
      return null;
    }
    throw new LocalRuntimeException(c.instance() + ": env " + var.getName() + " needs " + what
        + ", which does not exist (a kubelet would not start the container)");
  }
}
