package dev.sparkk8s.kube;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * One port-forwarded connection, as the API server and the pod's kubelet serve it over a WebSocket (subprotocol
 * {@code v4.channel.k8s.io}, what fabric8 and kubectl speak): channel 0 carries data and channel 1 errors; each opens
 * with a frame of the port (2 bytes, little-endian), every later frame starts with its channel's byte. The bytes go to
 * and from the pod's IP and the port over TCP, as the kubelet relays them into the pod's network namespace; the
 * WebSocket closes when the pod's side does. A connection that fails is reported on channel 1 in the kubelet's words.
 */
final class PortForwardRelay extends WebSocketListener implements AutoCloseable {

  private static final byte DATA = 0;
  private static final byte ERROR = 1;
  private static final int NORMAL_CLOSURE = 1000;
  /** Well below the mock server's WebSocket frame limit (64 KiB). */
  private static final int FRAME_BYTES = 32 * 1024;

  private final String pod;
  private final String uid;
  private final String podIp;
  private final int port;
  /** Connects, then writes the client's data in the order it came, off the mock server's event loop. */
  private final ExecutorService toPod;
  private volatile Socket socket;
  private volatile boolean closed;

  PortForwardRelay(String pod, String uid, String podIp, int port) {
    this.pod = pod;
    this.uid = uid;
    this.podIp = podIp;
    this.port = port;
    this.toPod = Executors.newSingleThreadExecutor(r -> daemon(r, "port-forward to " + pod + ":" + port));
  }

  @Override
  public void onOpen(WebSocket webSocket, Response response) {
    webSocket.send(portFrame(DATA));
    webSocket.send(portFrame(ERROR));
    submit(() -> connect(webSocket));
  }

  @Override
  public void onMessage(WebSocket webSocket, byte[] frame) {
    if (frame.length > 1 && frame[0] == DATA) {
      byte[] data = Arrays.copyOfRange(frame, 1, frame.length);
      submit(() -> write(webSocket, data));
    }
  }

  @Override
  public void onClosing(WebSocket webSocket, int code, String reason) {
    webSocket.close(code, reason);
    close();
  }

  @Override
  public void onClosed(WebSocket webSocket, int code, String reason) {
    close();
  }

  @Override
  public void onFailure(WebSocket webSocket, Throwable error, Response response) {
    close();
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    Socket current = socket;
    if (current != null) {
      try {
        current.close();
      } catch (IOException e) {
        // Closing anyway.
      }
    }
    toPod.shutdownNow();
  }

  private void connect(WebSocket webSocket) {
    Socket connected = new Socket();
    try {
      connected.connect(new InetSocketAddress(podIp, port));
    } catch (IOException e) {
      try {
        connected.close();
      } catch (IOException ignored) {
        // Never opened.
      }
      fail(webSocket, "failed to connect to " + podIp + ":" + port + ": dial tcp4 " + podIp + ":" + port
          + ": connect: " + String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT));
      return;
    }
    socket = connected;
    if (closed) {
      close();
      return;
    }
    daemon(() -> fromPod(webSocket, connected), "port-forward from " + pod + ":" + port).start();
  }

  private void write(WebSocket webSocket, byte[] data) {
    Socket current = socket;
    if (current == null) {
      return;
    }
    try {
      current.getOutputStream().write(data);
    } catch (IOException e) {
      if (!closed) {
        fail(webSocket, "writing to " + podIp + ":" + port + ": " + e.getMessage());
      }
    }
  }

  /** What the pod sends, on channel 0, until it closes its side; then the WebSocket closes too. */
  private void fromPod(WebSocket webSocket, Socket connected) {
    byte[] buffer = new byte[FRAME_BYTES];
    try (InputStream in = connected.getInputStream()) {
      int read;
      while ((read = in.read(buffer, 1, buffer.length - 1)) >= 0) {
        if (read > 0) {
          buffer[0] = DATA;
          webSocket.send(Arrays.copyOf(buffer, read + 1));
        }
      }
    } catch (IOException e) {
      // The client closed the WebSocket (and so this socket), or the pod reset the connection: it ends either way.
    }
    webSocket.close(NORMAL_CLOSURE, "");
    close();
  }

  private void fail(WebSocket webSocket, String cause) {
    byte[] message = ("error forwarding port " + port + " to pod " + pod + ", uid " + uid + ": " + cause)
        .getBytes(StandardCharsets.UTF_8);
    byte[] frame = new byte[message.length + 1];
    frame[0] = ERROR;
    System.arraycopy(message, 0, frame, 1, message.length);
    webSocket.send(frame);
    webSocket.close(NORMAL_CLOSURE, "");
    close();
  }

  private byte[] portFrame(byte channel) {
    return new byte[] {channel, (byte) (port & 0xff), (byte) ((port >> 8) & 0xff)};
  }

  private void submit(Runnable task) {
    try {
      toPod.execute(task);
    } catch (RejectedExecutionException e) {
      // Closed: nothing goes to the pod any more.
    }
  }

  private static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
