package dev.sparkk8s.kube;

import java.net.URI;
import java.util.Arrays;
import java.util.List;

/**
 * One request to the Kubernetes API, in RBAC terms.
 *
 * @param verb      get, list, watch, create, update, patch, delete, deletecollection
 * @param group     API group, "" for the core group
 * @param resource  plural resource, with a subresource as {@code pods/status}
 * @param namespace the namespace, or null for a cluster-scoped request
 */
public record ApiRequest(String verb, String group, String resource, String namespace) {

  /** Parses an API path such as {@code /api/v1/namespaces/ns/pods/p?watch=true}; null for non-resource paths. */
  static ApiRequest of(String method, String pathAndQuery) {
    URI uri = URI.create(pathAndQuery);
    List<String> parts = Arrays.stream(uri.getPath().split("/")).filter(p -> !p.isEmpty()).toList();
    int i;
    String group;
    if (parts.size() >= 2 && parts.get(0).equals("api")) {
      group = "";
      i = 2;
    } else if (parts.size() >= 3 && parts.get(0).equals("apis")) {
      group = parts.get(1);
      i = 3;
    } else {
      return null;
    }
    String namespace = null;
    if (parts.size() > i + 1 && parts.get(i).equals("namespaces")) {
      namespace = parts.get(i + 1);
      i += 2;
    }
    if (parts.size() <= i) {
      return null;
    }
    String resource = parts.get(i);
    boolean named = parts.size() > i + 1;
    if (parts.size() > i + 2) {
      resource += "/" + parts.get(i + 2);
    }
    boolean watch = uri.getQuery() != null && uri.getQuery().contains("watch=true");
    String verb = switch (method) {
      case "GET" -> watch ? "watch" : named ? "get" : "list";
      case "POST" -> "create";
      case "PUT" -> "update";
      case "PATCH" -> "patch";
      case "DELETE" -> named ? "delete" : "deletecollection";
      default -> method.toLowerCase();
    };
    return new ApiRequest(verb, group, resource, namespace);
  }

  @Override
  public String toString() {
    return verb + " " + (group.isEmpty() ? "" : group + "/") + resource
        + (namespace == null ? " (cluster-wide)" : " in " + namespace);
  }
}
