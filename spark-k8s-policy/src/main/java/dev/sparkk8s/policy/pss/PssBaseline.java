package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Rule;
import java.util.List;
import java.util.Set;

/** Kubernetes Pod Security Standards, baseline level (current version). */
public final class PssBaseline {

  /** Capabilities the baseline level allows a container to add. */
  public static final Set<String> ALLOWED_CAPABILITIES = Set.of(
      "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE",
      "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");

  private PssBaseline() {
  }

  public static List<Rule> rules() {
    return List.of(new HostProcess(), new HostNamespaces(), new Privileged(), new BaselineCapabilities(),
        new HostPathVolumes(), new HostPorts(), new AppArmor(), new SeLinux(), new ProcMount(),
        new BaselineSeccomp(), new Sysctls());
  }
}
