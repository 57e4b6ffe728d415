package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.local.LocalConnectAuth;
import dev.sparkk8s.local.LocalProcess;
import dev.sparkk8s.local.LocalState;
import dev.sparkk8s.render.contract.PortNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared platforms run {@code up --local --auth}: Spark Connect behind the chart's TLS proxy (nginx) with the
 * run's token, which every other IT's sessions pass through (known-answer queries: {@link LocalPlatformIT}). Here:
 * {@code up} prints the client URL and the CA as one line each; a client without the token, with a wrong one, or
 * without TLS is refused with an error that says so; on 4.1 the server itself checks the token too.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
@ExtendWith(SharedPlatforms.Resolver.class)
class ConnectAuthLocalIT {

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void onlyClientsWithTheTokenOverTlsGetIn(String version, SharedPlatforms platforms) throws Exception {
    SharedPlatforms.Platform platform = platforms.of(version);
    LocalState state = platform.state();
    String token = LocalConnectAuth.token(platform.runDir()).orElseThrow();
    int tls = connect(state).ports().get(PortNames.GRPC_TLS);
    String proxy = "sc://127.0.0.1:" + tls;

    assertThat(platform.up().out()).as("what up printed")
        .containsPattern("(?m)^Connect: sc://127\\.0\\.0\\.1:" + tls + "/;use_ssl=true;token=" + token + "$")
        .containsPattern("(?m)^CA certificate: " + platform.runDir() + "/connect-tls/ca\\.crt$");
    Path ca = LocalConnectAuth.caCertificate(platform.runDir()).orElseThrow();
    assertThat(Files.readString(ca)).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(state.connectUrl()).isEqualTo(proxy + "/;use_ssl=true;token=" + token);

    assertThatThrownBy(() -> ConnectSessions.open(proxy + "/;use_ssl=true")).as("over TLS without the token")
        .hasStackTraceContaining("UNAUTHENTICATED: missing or wrong token");
    assertThatThrownBy(() -> ConnectSessions.open(proxy + "/;use_ssl=true;token=not-" + token)).as("a wrong token")
        .hasStackTraceContaining("UNAUTHENTICATED: missing or wrong token");
    assertThatThrownBy(() -> ConnectSessions.open(proxy)).as("without TLS, to the proxy's TLS port")
        .hasStackTraceContaining("http2 exception");
    // A token with "localhost" goes without TLS (the clients' one exception): the proxy does not answer that either.
    assertThatThrownBy(() -> ConnectSessions.open("sc://localhost:" + tls + "/;token=" + token))
        .as("the token without TLS").hasStackTraceContaining("http2 exception");

    int server = connect(state).ports().get(PortNames.GRPC);
    if (version.equals("4.1")) {
      assertThatThrownBy(() -> ConnectSessions.open("sc://localhost:" + server))
          .as("4.1's own check, behind the proxy").hasStackTraceContaining("UNAUTHENTICATED");
    }
  }

  private static LocalProcess connect(LocalState state) {
    return state.processes().stream().filter(p -> p.name().equals("connect")).findFirst().orElseThrow();
  }
}
