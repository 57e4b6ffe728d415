package dev.sparkk8s.cluster.portforward;

import java.net.ProtocolException;
import java.nio.ByteBuffer;

/**
 * Reads the messages of the port-forward protocol {@code v4.channel.k8s.io} from the server: each starts with its
 * channel's byte (0 data, 1 error), and each channel's first two bytes after that are the port (little-endian), which
 * the kubelet sends once when the stream opens.
 */
final class ChannelFrames {

  static final byte DATA = 0;
  static final byte ERROR = 1;

  private final int[] portBytesDue = {2, 2};

  /**
   * The channel of a message; the message is left at its payload (the port bytes still due skipped), which may be
   * empty.
   */
  int channel(ByteBuffer message) throws ProtocolException {
    if (!message.hasRemaining()) {
      throw new ProtocolException("the port-forward sent an empty message");
    }
    int channel = message.get();
    if (channel != DATA && channel != ERROR) {
      throw new ProtocolException("the port-forward sent a message on channel " + channel + " (0 and 1 are known)");
    }
    int skip = Math.min(portBytesDue[channel], message.remaining());
    message.position(message.position() + skip);
    portBytesDue[channel] -= skip;
    return channel;
  }
}
