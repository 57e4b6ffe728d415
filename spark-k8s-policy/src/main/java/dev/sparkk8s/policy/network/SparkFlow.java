package dev.sparkk8s.policy.network;

/**
 * A connection Spark opens between the pods of two components of a release.
 *
 * @param from    the component whose pods connect (connect, executor, master, worker)
 * @param to      the component whose pods accept
 * @param port    the port, or null for one Spark picks at random (any port must be open)
 * @param purpose what it is for, with the Spark key that fixes the port where there is one
 */
public record SparkFlow(String from, String to, Integer port, String purpose) {

  public String portText() {
    return port == null ? "any port (Spark picks it at random)" : "port " + port;
  }
}
