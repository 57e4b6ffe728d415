package dev.sparkk8s.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The fabric8 CRUD dispatcher, plus what a real API server does that the mock does not: a new pod
 * gets {@code status.phase: Pending}. Every request is recorded in RBAC terms.
 */
final class RecordingCrudDispatcher extends KubernetesCrudDispatcher {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<ApiRequest> requests = new CopyOnWriteArrayList<>();

  List<ApiRequest> requests() {
    return List.copyOf(requests);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    ApiRequest api = ApiRequest.of(request.getMethod(), request.getPath());
    // Requests the harness itself makes (setting up, playing the kubelet) are not the driver's.
    if (api != null && !"harness".equals(request.getHeader("X-Harness"))) {
      requests.add(api);
    }
    return super.dispatch(request);
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    ApiRequest api = ApiRequest.of(request.getMethod(), request.getPath());
    if (api != null && api.resource().equals("pods")) {
      return super.handleCreate(withPendingStatus(request));
    }
    return super.handleCreate(request);
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
