package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spark 3.5 on the stock image gets the Connect server through packages matching the image (an image built with
 * images/Dockerfile has it); 4.1 has it built in.
 */
final class VersionWiring {

  private VersionWiring() {
  }

  static void check(ReleaseView view, String version) {
    Map<String, String> conf = serverConf(view);
    String packages = conf.getOrDefault("spark.jars.packages", "");
    boolean stockImage = Json.tree(view.release().objects()).toString().contains("\"apache/spark:");
    if (version.equals("3.5") && !stockImage) {
      assertThat(packages).as("an image built with images/Dockerfile holds the Connect jar (serverJarSource=image)")
          .doesNotContain("spark-connect");
    }
    if (version.equals("3.5")) {
      if (stockImage) {
        assertThat(packages).contains("org.apache.spark:spark-connect_2.12:3.5.5");
        assertThat(conf.get("spark.jars.ivy")).startsWith("/tmp/");
      }
      assertThat(conf).as("3.5 has no binding-address key; it binds every interface")
          .doesNotContainKey("spark.connect.grpc.binding.address");
    } else {
      assertThat(packages).doesNotContain("spark-connect");
      assertThat(conf).containsEntry("spark.connect.grpc.binding.address", "0.0.0.0");
    }
    view.release().objects().forEach(o -> assertThat(Json.tree(o).toString())
        .as(o.getKind() + "/" + o.getMetadata().getName())
        .doesNotContain("apache/spark:" + (version.equals("3.5") ? "4." : "3.")));
  }

  static Map<String, String> serverConf(ReleaseView view) {
    if (view.release().ofKind("SparkApplication").isEmpty()) {
      return view.connectConf();
    }
    Map<String, String> conf = new TreeMap<>();
    JsonNode sparkConf = view.custom("SparkApplication", "connect").at("/spec/sparkConf");
    sparkConf.fields().forEachRemaining(e -> conf.put(e.getKey(), e.getValue().asText()));
    return conf;
  }
}
