package dev.sparkk8s.cluster.portforward;

import io.fabric8.kubernetes.client.http.WebSocket;
import io.fabric8.kubernetes.client.http.WebSocketHandshakeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One accepted local connection relayed over its own port-forward WebSocket. To the pod: what the local side sends,
 * one message at a time, each written before the next is read ({@link PacedSender}). From the pod: each message
 * written to the local side before the next is requested (the listener's flow control), off the HTTP client's
 * threads. The error channel's messages (the kubelet's, e.g. a refused connection) go to the error sink. It ends when
 * the pod's side closes the WebSocket, the local side is gone, or it is closed.
 */
final class ForwardedConnection implements WebSocket.Listener, AutoCloseable {

  /** Data read from the local side per message; well below common WebSocket frame limits. */
  private static final int MESSAGE_BYTES = 32 * 1024;
  private static final int NORMAL_CLOSURE = 1000;

  private final Socket local;
  private final String target;
  private final Consumer<String> errors;
  private final Consumer<ForwardedConnection> onEnd;
  private final ChannelFrames frames = new ChannelFrames();
  /** Writes the pod's data to the local side in order, then asks for the next message. */
  private final ExecutorService toLocal;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile WebSocket webSocket;

  /**
   * @param target what is forwarded, for messages ("pod NS/NAME port N")
   * @param onEnd  given the connection once it has ended
   */
  ForwardedConnection(Socket local, String target, Consumer<String> errors,
      Consumer<ForwardedConnection> onEnd) {
    this.local = local;
    this.target = target;
    this.errors = errors;
    this.onEnd = onEnd;
    this.toLocal = Executors.newSingleThreadExecutor(
        task -> PodPortForwarder.daemon(task, "port-forward from " + target));
  }

  /** Opens the WebSocket and sends what the local side sends until it stops; blocks the calling thread. */
  void run(WebSocket.Builder builder) {
    CompletableFuture<WebSocket> opening = builder.buildAsync(this);
    try {
      webSocket = opening.get();
    } catch (ExecutionException e) {
      errors.accept(refusal(e.getCause()));
      end();
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      opening.thenAccept(w -> w.sendClose(NORMAL_CLOSURE, ""));
      end();
      return;
    }
    if (ended.get()) {
      // Closed while it was opening.
      webSocket.sendClose(NORMAL_CLOSURE, "");
      return;
    }
    sendLocalData();
  }

  /**
   * The local side's data to the pod. When the local side stops sending the pod's side stays open for its answer:
   * the protocol has no half-close, so the connection ends with the pod's side, the local side's, or the forwarder.
   */
  private void sendLocalData() {
    PacedSender sender = new PacedSender(webSocket, () -> !ended.get());
    byte[] buffer = new byte[1 + MESSAGE_BYTES];
    try {
      InputStream in = local.getInputStream();
      int read;
      while ((read = in.read(buffer, 1, MESSAGE_BYTES)) >= 0) {
        if (read > 0) {
          buffer[0] = ChannelFrames.DATA;
          sender.send(ByteBuffer.wrap(buffer, 0, read + 1));
        }
      }
    } catch (IOException e) {
      // The local side reset or closed, or the connection ended: nothing more to send either way.
      close();
    }
  }

  /** The API server's answer to the upgrade (its HTTP status: 404 no such pod, 403 not allowed, ...) or the failure. */
  private String refusal(Throwable failure) {
    if (failure instanceof WebSocketHandshakeException refused) {
      return "the API server refused the port-forward to " + target + ": HTTP " + refused.getResponse().code();
    }
    return "the port-forward to " + target + " did not open: " + failure;
  }

  @Override
  public void onMessage(WebSocket ws, ByteBuffer message) {
    int channel;
    try {
      channel = frames.channel(message);
    } catch (IOException e) {
      errors.accept(e.getMessage() + " (" + target + ")");
      close();
      return;
    }
    if (channel == ChannelFrames.ERROR) {
      if (message.hasRemaining()) {
        errors.accept(StandardCharsets.UTF_8.decode(message).toString());
      }
      ws.request();
    } else if (!message.hasRemaining()) {
      ws.request();
    } else {
      byte[] data = new byte[message.remaining()];
      message.get(data);
      onLocalThread(() -> {
        try {
          local.getOutputStream().write(data);
          ws.request();
        } catch (IOException e) {
          close();
        }
      });
    }
  }

  @Override
  public void onMessage(WebSocket ws, String text) {
    onMessage(ws, StandardCharsets.UTF_8.encode(text));
  }

  /** The pod's side closed: after the data before it has been written, the local side is closed too. */
  @Override
  public void onClose(WebSocket ws, int code, String reason) {
    onLocalThread(this::end);
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    if (!ended.get()) {
      errors.accept("the port-forward to " + target + " failed: " + error);
    }
    end();
  }

  /** Closes the WebSocket (the pod's connection closes with it) and the local connection. */
  @Override
  public void close() {
    WebSocket current = webSocket;
    if (end() && current != null) {
      current.sendClose(NORMAL_CLOSURE, "");
    }
  }

  /** Closes the local connection; true for the call that ended it. */
  private boolean end() {
    if (!ended.compareAndSet(false, true)) {
      return false;
    }
    try {
      local.close();
    } catch (IOException e) {
      // Closed either way.
    }
    toLocal.shutdownNow();
    onEnd.accept(this);
    return true;
  }

  private void onLocalThread(Runnable task) {
    try {
      toLocal.execute(task);
    } catch (RejectedExecutionException e) {
      // Ended: nothing goes to the local side any more.
    }
  }
}
