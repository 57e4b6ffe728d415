package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The nginx image's template step, as its entrypoint's envsubst does it. */
class NginxImageTest {

  @TempDir
  Path dir;

  @Test
  void onlyDefinedVariablesTheFilterMatchesAreSubstituted() {
    Map<String, String> env = Map.of("TOKEN", "t0k", "HOME", "/home/x");

    assertThat(NginxImage.substitute("\"Bearer ${TOKEN}\" $TOKEN ${HOME} $http_authorization ${UNSET}", env,
        Pattern.compile("^TOKEN$")))
        .isEqualTo("\"Bearer t0k\" t0k ${HOME} $http_authorization ${UNSET}");
    assertThat(NginxImage.substitute("$TOKEN $HOME", env, Pattern.compile(""))).as("no filter: every variable")
        .isEqualTo("t0k /home/x");
  }

  @Test
  void templatesAreWrittenWithoutTheirSuffixAndMadeLocal() throws Exception {
    Path templates = Files.createDirectories(dir.resolve("templates/sub"));
    Files.writeString(templates.resolve("nginx.conf.template"), "listen ${PORT};");
    Files.writeString(templates.resolve("notes.txt"), "not a template");
    Path out = dir.resolve("out");
    Files.createDirectories(out);

    NginxImage.renderTemplates(Map.of("NGINX_ENVSUBST_TEMPLATE_DIR", dir.resolve("templates").toString(),
        "NGINX_ENVSUBST_OUTPUT_DIR", out.toString(), "PORT", "15443"), text -> text.replace("15443", "40443"));

    assertThat(out.resolve("sub/nginx.conf")).hasContent("listen 40443;");
    assertThat(out.resolve("sub/notes.txt")).doesNotExist();
  }
}
