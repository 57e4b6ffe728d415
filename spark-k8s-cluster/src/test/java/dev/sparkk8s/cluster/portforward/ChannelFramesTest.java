package dev.sparkk8s.cluster.portforward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The port-forward protocol's messages from the server: channel byte, each channel's port first, then payload. */
@Timeout(10)
class ChannelFramesTest {

  private final ChannelFrames frames = new ChannelFrames();

  @Test
  void eachChannelsFirstTwoBytesAreItsPortAndNotPayload() throws ProtocolException {
    ByteBuffer dataPort = ByteBuffer.wrap(new byte[] {0, (byte) 0x97, 0x3a});
    ByteBuffer errorPort = ByteBuffer.wrap(new byte[] {1, (byte) 0x97, 0x3a});
    ByteBuffer data = ByteBuffer.wrap(new byte[] {0, 'h', 'i'});

    assertThat(frames.channel(dataPort)).isEqualTo(ChannelFrames.DATA);
    assertThat(dataPort.hasRemaining()).isFalse();
    assertThat(frames.channel(errorPort)).isEqualTo(ChannelFrames.ERROR);
    assertThat(errorPort.hasRemaining()).isFalse();
    assertThat(frames.channel(data)).isEqualTo(ChannelFrames.DATA);
    assertThat(StandardCharsets.US_ASCII.decode(data).toString()).isEqualTo("hi");
  }

  @Test
  void aPortSplitAcrossMessagesOrSharingOneWithPayloadIsSkippedOnce() throws ProtocolException {
    ByteBuffer first = ByteBuffer.wrap(new byte[] {1, (byte) 0x97});
    ByteBuffer second = ByteBuffer.wrap(new byte[] {1, 0x3a, 'n', 'o'});

    frames.channel(first);
    assertThat(first.hasRemaining()).isFalse();
    frames.channel(second);
    assertThat(StandardCharsets.US_ASCII.decode(second).toString()).isEqualTo("no");
  }

  @Test
  void anEmptyMessageOrAnUnknownChannelIsAProtocolError() {
    assertThatThrownBy(() -> frames.channel(ByteBuffer.allocate(0))).isInstanceOf(ProtocolException.class)
        .hasMessage("the port-forward sent an empty message");
    assertThatThrownBy(() -> frames.channel(ByteBuffer.wrap(new byte[] {3, 0, 0}))).isInstanceOf(
        ProtocolException.class).hasMessage("the port-forward sent a message on channel 3 (0 and 1 are known)");
  }
}
