package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.policy.source.Conversion;
import dev.sparkk8s.policy.source.SparkApplications;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * A SparkApplication running the Spark Connect server is a server, not a batch job: its operator must bring it back
 * whatever ended it, every time. The Apache operator restarts only with {@code restartPolicy: Always} and stops after
 * {@code maxRestartAttempts} (3 by default) or the per-failure limits; its long-running examples set
 * {@code Long.MAX_VALUE}. Kubeflow's {@code restartPolicy.type} defaults to {@code Never}.
 */
public final class ConnectServerRestartsForever implements Rule {

  public static final String ID = "spark/connect-server-restarts-forever";
  static final String CONNECT_SERVER = "org.apache.spark.sql.connect.service.SparkConnectServer";
  /** A count a server cannot use up: a million restarts, years of a crash loop at the operator's back-off. */
  static final BigInteger FOREVER = BigInteger.valueOf(1_000_000L);
  private static final String RESTART_CONFIG = "spec.applicationTolerations.restartConfig";
  private static final String FIX_LIMIT = "set it to 9223372036854775807 (Long.MAX_VALUE), as the operator's "
      + "long-running examples do";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (GenericKubernetesResource app : SparkApplications.in(manifests)) {
      Map<String, Object> spec = SparkApplications.spec(app);
      if (!CONNECT_SERVER.equals(spec.get("mainClass"))) {
        continue;
      }
      if (SparkApplications.isApache(app)) {
        checkApache(app, Conversion.map(Conversion.map(spec.get("applicationTolerations")).get("restartConfig")), out);
      } else {
        Object type = Conversion.map(spec.get("restartPolicy")).get("type");
        if (!"Always".equals(type)) {
          out.add(new Finding(ID, Manifests.ref(app), null, "spec.restartPolicy.type",
              "the Connect server's restartPolicy.type is " + (type == null ? "unset (Never)" : type)
                  + ", so the operator leaves it down once it ends",
              "set spec.restartPolicy.type: Always"));
        }
      }
    }
  }

  private static void checkApache(GenericKubernetesResource app, Map<String, Object> restart, List<Finding> out) {
    Object policy = restart.get("restartPolicy");
    if (!"Always".equals(policy)) {
      out.add(new Finding(ID, Manifests.ref(app), null, RESTART_CONFIG + ".restartPolicy",
          "the Connect server's restartPolicy is " + (policy == null ? "unset (Never)" : policy)
              + ", so the operator leaves it down once it ends",
          "set " + RESTART_CONFIG + ".restartPolicy: Always"));
    }
    limit(app, restart, "maxRestartAttempts", BigInteger.valueOf(3), out);
    limit(app, restart, "maxRestartOnFailure", null, out);
    limit(app, restart, "maxRestartOnSchedulingFailure", null, out);
  }

  /** A restart limit below {@link #FOREVER}; {@code unset} is the operator's default (null: no limit of its own). */
  private static void limit(GenericKubernetesResource app, Map<String, Object> restart, String key, BigInteger unset,
      List<Finding> out) {
    Object raw = restart.get(key);
    BigInteger value = raw == null ? unset : number(raw);
    if (raw == null && unset == null) {
      return;
    }
    if (value == null || value.compareTo(FOREVER) < 0) {
      out.add(new Finding(ID, Manifests.ref(app), null, RESTART_CONFIG + "." + key,
          key + " is " + (raw == null ? "unset (" + unset + ")" : raw)
              + ", so the operator gives the Connect server up after that many restarts",
          FIX_LIMIT));
    }
  }

  private static BigInteger number(Object raw) {
    try {
      return new BigInteger(String.valueOf(raw).trim());
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
