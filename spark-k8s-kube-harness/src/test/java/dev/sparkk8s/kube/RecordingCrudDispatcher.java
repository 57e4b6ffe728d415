package dev.sparkk8s.kube;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The fabric8 CRUD dispatcher, plus what a real API server does that the mock does not: a new pod
 * gets {@code status.phase: Pending}, and deleting a pod that is bound to a node is graceful (the
 * pod only gets a {@code deletionTimestamp}; its kubelet stops the containers, reports their end
 * and deletes it for good with a grace period of 0, which is when watchers see it DELETED with its
 * final status, as Spark expects); a list with a set-based label selector lists only the objects it
 * selects; a server-side apply of a missing object creates it; what Helm's client (client-go) needs besides (see
 * {@link ApiDiscovery}): Secrets sent in protobuf, strategic merge patches, lists of their own kind ({@code SecretList},
 * not {@code List}) and a JSON content type on every answer. Every request is recorded in RBAC terms.
 */
final class RecordingCrudDispatcher extends KubernetesCrudDispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final long DEFAULT_GRACE_SECONDS = 30;
  private static final String JSON_TYPE = "application/json";
  private static final String STRATEGIC_MERGE_PATCH = "application/strategic-merge-patch+json";
  /** The finalizer that holds a terminating pod for its kubelet, as the API server's graceful deletion does. */
  static final String GRACEFUL_DELETION = "harness.spark-k8s.dev/graceful-deletion";

  private final List<ApiRequest> requests = new CopyOnWriteArrayList<>();
  /** What a pod's {@code log} subresource answers, by its path ({@code /api/v1/namespaces/NS/pods/NAME/log}). */
  private final Map<String, Supplier<String>> podLogs = new ConcurrentHashMap<>();
  private final PodPortForward portForward = new PodPortForward();

  /** The log of a pod no {@link #podLog} names: (namespace, pod) to its log, if there is one. */
  private volatile java.util.function.BiFunction<String, String, Optional<String>> otherPodLogs =
      (namespace, pod) -> Optional.empty();

  void podLog(String namespace, String pod, Supplier<String> log) {
    podLogs.put("/api/v1/namespaces/" + namespace + "/pods/" + pod + "/log", log);
  }

  void podLogs(java.util.function.BiFunction<String, String, Optional<String>> logs) {
    otherPodLogs = logs;
  }

  List<ApiRequest> requests() {
    return List.copyOf(requests);
  }

  /** See {@link PodPortForward#listening}. */
  void portForwardListening(java.util.function.BiFunction<String, Integer, Integer> where) {
    portForward.listening(where);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    if (PodPortForward.isPortForward(request.getPath())) {
      record(request);
      return portForward.answer(request.getPath(), super::handleGet).setHeader("Content-Type", JSON_TYPE);
    }
    Optional<String> about = ApiDiscovery.answer(request.getPath());
    if (about.isPresent()) {
      return new MockResponse().setResponseCode(200).setBody(about.get()).setHeader("Content-Type", JSON_TYPE);
    }
    MockResponse response = dispatchJson(request);
    Optional<ApiDiscovery.ApiType> listed = ApiDiscovery.listed(request.getPath());
    if (listed.isPresent() && request.getMethod().equals("GET") && response.code() == 200
        && response.getBody() != null) {
      String body = new String(response.getBody().getBytes(), StandardCharsets.UTF_8);
      response.setBody(body.replaceFirst("\"apiVersion\":\"v1\",\"kind\":\"List\"",
          "\"apiVersion\":\"" + listed.get().groupVersion() + "\",\"kind\":\"" + listed.get().kind() + "List\""));
    }
    return response.setHeader("Content-Type", JSON_TYPE);
  }

  @Override
  public void shutdown() {
    portForward.close();
    super.shutdown();
  }

  /** Requests the harness itself makes (setting up, playing the kubelet) are not the driver's. */
  private void record(RecordedRequest request) {
    ApiRequest api = ApiRequest.of(request.getMethod(), request.getPath());
    if (api != null && !"harness".equals(request.getHeader("X-Harness"))) {
      requests.add(api);
    }
  }

  private MockResponse dispatchJson(RecordedRequest request) {
    record(request);
    ApiRequest api = ApiRequest.of(request.getMethod(), request.getPath());
    if ("PATCH".equals(request.getMethod()) && request.getPath().contains("fieldManager=")) {
      Optional<MockResponse> created = applyCreates(request);
      if (created.isPresent()) {
        return created.get();
      }
    }
    if (api != null && api.verb().equals("delete") && !api.resource().equals("pods")
        && "Foreground".equals(deleteOption(request, "propagationPolicy").orElse(null))) {
      Optional<MockResponse> foreground = foregroundDelete(request);
      if (foreground.isPresent()) {
        return foreground.get();
      }
    }
    if (api != null && api.verb().equals("delete") && api.resource().equals("pods")) {
      Optional<MockResponse> graceful = gracefulDelete(request);
      if (graceful.isPresent()) {
        return graceful.get();
      }
    }
    if (request.getBody() != null && ProtobufSecret.isProtobuf(request.getBody().getBytes())) {
      // Helm's storage writes Secrets and deletes with protobuf DeleteOptions, which the deletion does not need.
      boolean write = request.getMethod().equals("POST") || request.getMethod().equals("PUT");
      return super.dispatch(withBody(request, write ? JSON.valueToTree(ProtobufSecret.decode(request.getBody().getBytes()))
          : JSON.createObjectNode()));
    }
    if (request.getMethod().equals("PATCH")
        && STRATEGIC_MERGE_PATCH.equals(String.valueOf(request.getHeader("Content-Type")))) {
      return strategicMergePatch(request);
    }
    return super.dispatch(request);
  }

  /** Applied here, then stored as an update: the mock knows JSON merge and JSON patches only. */
  private MockResponse strategicMergePatch(RecordedRequest request) {
    String path = URI.create(request.getPath()).getPath();
    MockResponse stored = super.handleGet(path);
    if (stored.code() != 200) {
      return stored;
    }
    try {
      ObjectNode patched = StrategicMergePatch.apply((ObjectNode) JSON.readTree(stored.getBody().readUtf8()),
          (ObjectNode) JSON.readTree(request.getUtf8Body()));
      ((ObjectNode) patched.get("metadata")).remove("resourceVersion");
      return super.handleUpdate(new RecordedRequest("PUT " + path + " HTTP/1.1", HttpMethod.PUT, path,
          request.getHeaders(), new Buffer().writeUtf8(JSON.writeValueAsString(patched))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static RecordedRequest withBody(RecordedRequest request, JsonNode body) {
    try {
      return new RecordedRequest(request.getRequestLine(), request.method(), request.getPath(), request.getHeaders(),
          new Buffer().writeUtf8(JSON.writeValueAsString(body)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public MockResponse handleGet(String path) {
    URI uri = URI.create(path);
    if (uri.getPath().endsWith("/log")) {
      Supplier<String> log = podLogs.get(uri.getPath());
      if (log == null) {
        // /api/v1/namespaces/NS/pods/NAME/log
        String[] parts = uri.getPath().split("/");
        Optional<String> other = parts.length == 8 ? otherPodLogs.apply(parts[4], parts[6]) : Optional.empty();
        return other.map(text -> new MockResponse().setResponseCode(200).setBody(text))
            .orElseGet(() -> new MockResponse().setResponseCode(404));
      }
      return new MockResponse().setResponseCode(200).setBody(log.get());
    }
    String selector = queryParameter(uri, "labelSelector");
    SetBasedLabelSelector parsed = selector == null ? null : SetBasedLabelSelector.parse(selector);
    if (parsed == null || parsed.setBased().isEmpty()) {
      return super.handleGet(path);
    }
    MockResponse list = super.handleGet(withLabelSelector(uri, parsed.equalityPart()));
    if (list.code() != 200) {
      return list;
    }
    try {
      ObjectNode body = (ObjectNode) JSON.readTree(list.getBody().readUtf8());
      ArrayNode selected = JSON.createArrayNode();
      for (JsonNode item : body.path("items")) {
        Map<String, String> labels = JSON.convertValue(item.path("metadata").path("labels"),
            new TypeReference<Map<String, String>>() { });
        if (parsed.matches(labels)) {
          selected.add(item);
        }
      }
      body.set("items", selected);
      return new MockResponse().setResponseCode(200).setBody(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    ApiRequest api = ApiRequest.of(request.getMethod(), request.getPath());
    if (api != null && api.resource().equals("pods")) {
      return super.handleCreate(withPendingStatus(request));
    }
    return super.handleCreate(request);
  }

  /**
   * A pod's deletion as the API server does it. A pod bound to a node with a grace period is only
   * marked: the mock keeps an object with a finalizer and gives it a {@code deletionTimestamp}
   * (MODIFIED), so the harness holds the pod with a finalizer of its own until its kubelet deletes it
   * with a grace period of 0; that releases it (DELETED, with the status the kubelet reported last).
   * Empty when the mock's plain deletion is right: a pod never scheduled, no such pod.
   */
  private Optional<MockResponse> gracefulDelete(RecordedRequest request) {
    String path = URI.create(request.getPath()).getPath();
    MockResponse stored = super.handleGet(path);
    if (stored.code() != 200) {
      return Optional.empty();
    }
    try {
      ObjectNode pod = (ObjectNode) JSON.readTree(stored.getBody().readUtf8());
      ObjectNode metadata = (ObjectNode) pod.get("metadata");
      ArrayNode finalizers = metadata.has("finalizers") ? (ArrayNode) metadata.get("finalizers")
          : metadata.putArray("finalizers");
      boolean held = false;
      for (int i = 0; i < finalizers.size(); i++) {
        if (finalizers.get(i).asText().equals(GRACEFUL_DELETION)) {
          held = true;
          if (gracePeriodSeconds(request).orElse(-1L) == 0) {
            finalizers.remove(i);
            // Released: the mock deletes a marked object once it has no finalizer left.
            put(path, pod, request);
            return Optional.of(new MockResponse().setResponseCode(200).setBody(JSON.writeValueAsString(pod)));
          }
        }
      }
      long grace = gracePeriodSeconds(request).orElse(pod.path("spec").path("terminationGracePeriodSeconds")
          .asLong(DEFAULT_GRACE_SECONDS));
      if (held || grace == 0 || pod.path("spec").path("nodeName").asText().isEmpty()) {
        return held ? Optional.of(stored(path)) : Optional.empty();
      }
      finalizers.add(GRACEFUL_DELETION);
      metadata.put("deletionGracePeriodSeconds", grace);
      put(path, pod, request);
      return Optional.of(super.dispatch(request));
    } catch (IOException | ClassCastException e) {
      return Optional.empty();
    }
  }

  /**
   * A deletion with {@code propagationPolicy: Foreground} as the API server does it: the object gets the
   * {@value GarbageCollector#FOREGROUND} finalizer and a {@code deletionTimestamp} (MODIFIED); the garbage collector
   * deletes its dependents, then removes the finalizer, which deletes it. Empty when there is no such object.
   */
  private Optional<MockResponse> foregroundDelete(RecordedRequest request) {
    String path = URI.create(request.getPath()).getPath();
    MockResponse stored = super.handleGet(path);
    if (stored.code() != 200) {
      return Optional.empty();
    }
    try {
      ObjectNode object = (ObjectNode) JSON.readTree(stored.getBody().readUtf8());
      ObjectNode metadata = (ObjectNode) object.get("metadata");
      if (metadata.has("deletionTimestamp")) {
        return Optional.of(stored(path));
      }
      ArrayNode finalizers = metadata.has("finalizers") ? (ArrayNode) metadata.get("finalizers")
          : metadata.putArray("finalizers");
      finalizers.add(GarbageCollector.FOREGROUND);
      put(path, object, request);
      return Optional.of(super.dispatch(request));
    } catch (IOException | ClassCastException e) {
      return Optional.empty();
    }
  }

  /**
   * A server-side apply of an object that does not exist creates it, as the API server does (Spark's submission
   * client applies the driver's Service and ConfigMaps); the mock would answer 404. Empty when the object exists.
   */
  private Optional<MockResponse> applyCreates(RecordedRequest request) {
    String path = URI.create(request.getPath()).getPath();
    if (super.handleGet(path).code() != 404) {
      return Optional.empty();
    }
    try {
      JsonNode object = YAML.readTree(request.getUtf8Body());
      String collection = path.substring(0, path.lastIndexOf('/'));
      return Optional.of(handleCreate(new RecordedRequest("POST " + collection + " HTTP/1.1", HttpMethod.POST,
          collection, request.getHeaders(), new Buffer().writeUtf8(JSON.writeValueAsString(object)))));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String queryParameter(URI uri, String name) {
    if (uri.getRawQuery() == null) {
      return null;
    }
    for (String parameter : uri.getRawQuery().split("&")) {
      if (parameter.startsWith(name + "=")) {
        return URLDecoder.decode(parameter.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  private static String withLabelSelector(URI uri, String selector) {
    List<String> parameters = new ArrayList<>();
    for (String parameter : uri.getRawQuery().split("&")) {
      if (!parameter.startsWith("labelSelector=")) {
        parameters.add(parameter);
      }
    }
    if (!selector.isEmpty()) {
      parameters.add("labelSelector=" + URLEncoder.encode(selector, StandardCharsets.UTF_8));
    }
    return uri.getRawPath() + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
  }

  private void put(String path, ObjectNode pod, RecordedRequest request) throws IOException {
    ((ObjectNode) pod.get("metadata")).remove("resourceVersion");
    super.handleUpdate(new RecordedRequest("PUT " + path + " HTTP/1.1", HttpMethod.PUT, path, request.getHeaders(),
        new Buffer().writeUtf8(JSON.writeValueAsString(pod))));
  }

  private MockResponse stored(String path) {
    return super.handleGet(path);
  }

  /** {@code gracePeriodSeconds} of the request's DeleteOptions body or query, if it gives one. */
  private static Optional<Long> gracePeriodSeconds(RecordedRequest request) {
    return deleteOption(request, "gracePeriodSeconds").map(Long::parseLong);
  }

  /** An option of the request's DeleteOptions, from its query or its body, if it gives one. */
  private static Optional<String> deleteOption(RecordedRequest request, String name) {
    String query = URI.create(request.getPath()).getQuery();
    if (query != null) {
      for (String parameter : query.split("&")) {
        if (parameter.startsWith(name + "=")) {
          return Optional.of(parameter.substring(name.length() + 1));
        }
      }
    }
    try {
      String body = request.getUtf8Body();
      JsonNode options = body == null || body.isBlank() ? null : JSON.readTree(body);
      return options != null && options.has(name) ? Optional.of(options.get(name).asText()) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static RecordedRequest withPendingStatus(RecordedRequest request) {
    try {
      ObjectNode pod = (ObjectNode) JSON.readTree(request.getUtf8Body());
      ObjectNode status = pod.has("status") && pod.get("status").isObject()
          ? (ObjectNode) pod.get("status") : pod.putObject("status");
      if (!status.has("phase")) {
        status.put("phase", "Pending");
      }
      return new RecordedRequest(request.getRequestLine(), request.method(), request.getPath(), request.getHeaders(),
          new Buffer().writeUtf8(JSON.writeValueAsString(pod)));
    } catch (IOException e) {
      return request;
    }
  }
}
