package dev.sparkk8s.render.contract;

/** The names of the container and Service ports the chart renders. */
public final class PortNames {

  /** Spark Connect, on the Connect server and its Service. */
  public static final String GRPC = "grpc";
  /** Spark Connect over TLS with a token, on the Connect server's proxy ({@code security.connect}). */
  public static final String GRPC_TLS = "grpc-tls";
  /** The driver's UI (4040), on the Connect server. */
  public static final String UI = "ui";
  /** {@code spark.driver.port} and {@code spark.driver.blockManager.port}, on the Connect server. */
  public static final String DRIVER = "driver";
  public static final String BLOCK_MANAGER = "block-manager";
  /** The Standalone master's RPC port. */
  public static final String RPC = "rpc";
  /** The Standalone master's and workers' web UI. */
  public static final String WEB_UI = "web-ui";
  /** The History Server's UI and REST API. */
  public static final String HTTP = "http";
  /** The one port of a metrics Service (monitoring): the component's UI port, where Spark serves its metrics. */
  public static final String METRICS = "metrics";

  private PortNames() {
  }
}
