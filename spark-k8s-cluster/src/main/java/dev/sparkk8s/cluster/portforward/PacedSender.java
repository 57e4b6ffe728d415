package dev.sparkk8s.cluster.portforward;

import io.fabric8.kubernetes.client.http.WebSocket;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Sends a WebSocket's messages one at a time, each written out before the next is given. The JDK's WebSocket refuses a
 * send while the previous one is still being written ({@code IllegalStateException("Send pending")}), which fabric8's
 * {@code WebSocket.send} reports only as {@code false}; fabric8's API has no future for a send, so the wait watches
 * {@link WebSocket#queueSize()} (the bytes sent but not yet written), as fabric8's own exec does for its stdin.
 * Waiting here also stops the caller reading more from its source, so a slow receiver slows the sender.
 */
final class PacedSender {

  private static final long FIRST_PAUSE_NANOS = 20_000;
  private static final long LONGEST_PAUSE_NANOS = 10_000_000;

  private final WebSocket webSocket;
  private final BooleanSupplier open;

  /** @param open false once the connection is closed: a wait then ends */
  PacedSender(WebSocket webSocket, BooleanSupplier open) {
    this.webSocket = webSocket;
    this.open = open;
  }

  /** Sends the message and returns once it has been written. */
  void send(ByteBuffer message) throws IOException {
    if (!webSocket.send(message)) {
      throw new IOException("the WebSocket refused a message: it is closed");
    }
    long pause = FIRST_PAUSE_NANOS;
    while (webSocket.queueSize() > 0) {
      if (!open.getAsBoolean()) {
        throw new IOException("closed while a message was being written");
      }
      LockSupport.parkNanos(pause);
      if (Thread.interrupted()) {
        throw new InterruptedIOException("interrupted while a message was being written");
      }
      pause = Math.min(pause * 2, LONGEST_PAUSE_NANOS);
    }
  }
}
