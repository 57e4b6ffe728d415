package dev.sparkk8s.local;

import dev.sparkk8s.render.UserValues;
import java.nio.file.Path;

/**
 * What {@code spark-k8s up --local} was asked for.
 *
 * @param sparkVersion "3.5" or "4.1"
 * @param values       the preset, values files and {@code --set} arguments
 * @param workers      worker count, or null for the chart's {@code spark.standalone.worker.replicas}
 * @param connectPort  the Connect port the user insists on, or null for the chart's (or a free one)
 * @param runDir       where state, configuration and logs go
 * @param chartDir     a chart directory, or null for the chart bundled with the CLI
 * @param monitoring   whether a Prometheus server runs too ({@link LocalPrometheus}), on the chart's monitoring
 * @param connectAuth  whether Spark Connect takes TLS and a token ({@code security.connect}), with whose certificate
 */
public record LocalOptions(String sparkVersion, UserValues values, Integer workers, Integer connectPort, Path runDir,
    Path chartDir, boolean monitoring, ConnectAuth connectAuth) {

  /**
   * {@code up --local --auth [--tls-cert FILE --tls-key FILE]}.
   *
   * @param certificate the server certificate (PEM) to use, or null for one the run makes with a CA of its own
   * @param key         its private key (PEM), given with the certificate
   */
  public record ConnectAuth(boolean enabled, Path certificate, Path key) {

    public static final ConnectAuth OFF = new ConnectAuth(false, null, null);
    static final String CERTIFICATE_OPTION = "--tls-cert";
    static final String KEY_OPTION = "--tls-key";

    public ConnectAuth {
      if ((certificate == null) != (key == null)) {
        throw new LocalInputException(CERTIFICATE_OPTION + " and " + KEY_OPTION + " go together: give both or neither");
      }
      if (certificate != null && !enabled) {
        throw new LocalInputException(CERTIFICATE_OPTION + " " + certificate + ": the certificate of the Connect "
            + "server's TLS proxy, which only --auth starts");
      }
    }
  }

  /** Without Spark Connect's TLS proxy. */
  public LocalOptions(String sparkVersion, UserValues values, Integer workers, Integer connectPort, Path runDir,
      Path chartDir, boolean monitoring) {
    this(sparkVersion, values, workers, connectPort, runDir, chartDir, monitoring, ConnectAuth.OFF);
  }

  /** Without monitoring. */
  public LocalOptions(String sparkVersion, UserValues values, Integer workers, Integer connectPort, Path runDir,
      Path chartDir) {
    this(sparkVersion, values, workers, connectPort, runDir, chartDir, false);
  }

  public LocalOptions {
    connectAuth = connectAuth == null ? ConnectAuth.OFF : connectAuth;
    if (workers != null && workers < 1) {
      throw new LocalInputException("--workers " + workers + ": at least one worker is needed");
    }
    if (connectPort != null && (connectPort < 1 || connectPort > 65535)) {
      throw new LocalInputException("--connect-port " + connectPort + ": not a TCP port");
    }
  }

  /** The default run directory: {@code ~/.spark-k8s/local}. */
  public static Path defaultRunDir() {
    return Path.of(System.getProperty("user.home"), ".spark-k8s", "local");
  }
}
