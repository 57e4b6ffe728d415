package dev.sparkk8s.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the CLI's version and the chart and Helm it embeds. */
final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {
        "spark-k8s " + p.getProperty("version", "unknown"),
        "chart spark-k8s (bundled), Helm " + p.getProperty("helm", "3") + " embedded via helm-java "
            + p.getProperty("helmJava", "unknown")
    };
  }
}
