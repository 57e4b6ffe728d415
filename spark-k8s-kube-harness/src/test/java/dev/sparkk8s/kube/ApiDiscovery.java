package dev.sparkk8s.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What a real API server says about itself and the mock does not, and Helm reads before it applies a release: its
 * version ({@code /version}: the chart requires a Kubernetes version), discovery ({@code /api}, {@code /apis}, each
 * group version's resources: Helm maps kinds to resources with it) and OpenAPI v3 (one PATCH path per kind that takes
 * {@code fieldValidation}, so Helm leaves validation to the server instead of downloading every schema).
 */
final class ApiDiscovery {

  static final String KUBERNETES_VERSION = "v1.31.0";
  private static final ObjectMapper JSON = new ObjectMapper();

  record ApiType(String group, String version, String kind, String plural, boolean namespaced) {

    static ApiType of(Class<? extends HasMetadata> type) {
      return new ApiType(HasMetadata.getGroup(type), HasMetadata.getVersion(type), HasMetadata.getKind(type),
          HasMetadata.getPlural(type), Namespaced.class.isAssignableFrom(type));
    }

    String groupVersion() {
      return group.isEmpty() ? version : group + "/" + version;
    }

    String root() {
      return group.isEmpty() ? "api/" + version : "apis/" + groupVersion();
    }
  }

  /** Every kind the chart renders or the harness stores. */
  static final List<ApiType> TYPES = Stream.concat(Stream.of(Pod.class, Service.class, ConfigMap.class, Secret.class,
          ServiceAccount.class, Namespace.class, Node.class, PersistentVolumeClaim.class, Event.class, Deployment.class,
          StatefulSet.class, ReplicaSet.class, Role.class, RoleBinding.class, PodDisruptionBudget.class,
          NetworkPolicy.class).map(ApiType::of),
      Stream.of(new ApiType("monitoring.coreos.com", "v1", "ServiceMonitor", "servicemonitors", true),
          new ApiType("monitoring.coreos.com", "v1", "PodMonitor", "podmonitors", true),
          new ApiType("monitoring.coreos.com", "v1", "PrometheusRule", "prometheusrules", true),
          new ApiType("spark.apache.org", "v1", "SparkApplication", "sparkapplications", true),
          new ApiType("sparkoperator.k8s.io", "v1beta2", "SparkApplication", "sparkapplications", true))).toList();

  private ApiDiscovery() {
  }

  /** The answer to a request for {@code path}, or empty when it is not one of these endpoints. */
  static Optional<String> answer(String path) {
    String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    Map<String, List<ApiType>> byRoot = new TreeMap<>();
    TYPES.forEach(t -> byRoot.computeIfAbsent(t.root(), r -> new ArrayList<>()).add(t));
    Object answer;
    if (p.equals("/version")) {
      answer = Map.of("major", "1", "minor", "31", "gitVersion", KUBERNETES_VERSION, "platform", "linux/amd64");
    } else if (p.equals("/api")) {
      answer = Map.of("kind", "APIVersions", "versions", List.of("v1"), "serverAddressByClientCIDRs", List.of());
    } else if (p.equals("/apis")) {
      answer = Map.of("kind", "APIGroupList", "apiVersion", "v1", "groups", groups());
    } else if (p.equals("/openapi/v3")) {
      Map<String, Object> paths = new TreeMap<>();
      byRoot.keySet().forEach(root -> paths.put(root, Map.of("serverRelativeURL", "/openapi/v3/" + root + "?hash=1")));
      answer = Map.of("paths", paths);
    } else if (p.startsWith("/openapi/v3/") && byRoot.containsKey(p.substring("/openapi/v3/".length()))) {
      answer = openApi(byRoot.get(p.substring("/openapi/v3/".length())));
    } else if (p.startsWith("/api") && byRoot.containsKey(p.substring(1))) {
      List<ApiType> types = byRoot.get(p.substring(1));
      answer = Map.of("kind", "APIResourceList", "apiVersion", "v1", "groupVersion", types.get(0).groupVersion(),
          "resources", types.stream().map(ApiDiscovery::resource).toList());
    } else {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.writeValueAsString(answer));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The type of the objects a path lists: the mock's lists are {@code v1 List}, client-go's typed clients want
   * {@code apps/v1 ReplicaSetList}. */
  static Optional<ApiType> listed(String path) {
    String p = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    return TYPES.stream().filter(t -> p.startsWith("/" + t.root() + "/") && p.endsWith("/" + t.plural()))
        .findFirst();
  }

  private static List<Object> groups() {
    Map<String, Object> groups = new LinkedHashMap<>();
    TYPES.stream().filter(t -> !t.group().isEmpty()).forEach(t -> {
      Map<String, String> version = Map.of("groupVersion", t.groupVersion(), "version", t.version());
      groups.putIfAbsent(t.group(), Map.of("name", t.group(), "versions", List.of(version), "preferredVersion", version));
    });
    return List.copyOf(groups.values());
  }

  private static Map<String, Object> resource(ApiType type) {
    return Map.of("name", type.plural(), "singularName", type.kind().toLowerCase(), "namespaced", type.namespaced(),
        "kind", type.kind(), "verbs", List.of("create", "delete", "deletecollection", "get", "list", "patch", "update",
            "watch"));
  }

  private static Map<String, Object> openApi(List<ApiType> types) {
    Map<String, Object> paths = new TreeMap<>();
    for (ApiType type : types) {
      String path = "/" + type.root() + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural()
          + "/{name}";
      paths.put(path, Map.of("patch", Map.of(
          "x-kubernetes-group-version-kind", Map.of("group", type.group(), "version", type.version(), "kind",
              type.kind()),
          "parameters", List.of(Map.of("name", "fieldValidation", "in", "query", "schema", Map.of("type", "string"))),
          "responses", Map.of("200", Map.of("description", "OK")))));
    }
    return Map.of("openapi", "3.0.0", "info", Map.of("title", "Kubernetes", "version", KUBERNETES_VERSION),
        "paths", paths);
  }
}
