package dev.sparkk8s.cli;

import dev.sparkk8s.local.LocalConnectAuth;
import dev.sparkk8s.local.LocalPrometheus;
import dev.sparkk8s.local.LocalState;
import java.io.PrintWriter;

/** What {@code up --local} prints once the platform is up: a line for each endpoint it started, and how to stop it. */
final class LocalUpSummary {

  private LocalUpSummary() {
  }

  static void print(PrintWriter out, LocalState state, String stopCommand) {
    out.println();
    out.println("Spark " + state.sparkVersion() + " is up.");
    if (state.connectUrl() != null && state.connectUrl().contains(";use_ssl=true")) {
      // One line each, as clients and scripts take them; printing the token is fine for a run on this machine.
      out.println("Connect: " + state.connectUrl());
      LocalConnectAuth.caCertificate(state.runDir()).ifPresent(ca -> out.println("CA certificate: " + ca));
    } else if (state.connectUrl() != null) {
      out.println("  Spark Connect:  " + state.connectUrl());
    }
    if (state.masterUrl() != null) {
      out.println("  Master:         " + state.masterUrl() + "  (UI " + state.masterWebUrl() + ")");
    }
    if (state.historyUrl() != null) {
      out.println("  History Server: " + state.historyUrl());
    }
    if (state.s3Url() != null) {
      out.println("  S3:             " + state.s3Url() + "  (keys in the run directory's s3/s3proxy.properties)");
    }
    LocalPrometheus.url(state).ifPresent(url -> out.println("  Prometheus: " + url));
    out.println("  Run directory:  " + state.runDir() + "  (logs in instances/)");
    out.println("Stop it with: " + stopCommand);
  }
}
