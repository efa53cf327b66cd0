package fr.anef.renewal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The application's French translations of Camunda's webapps (ADR 0015) against the English files
 * inside the webapp jar on the classpath: the same keys (an upgrade of Camunda that adds or drops a
 * key fails here, naming it), the same placeholders in each text ({@code {{count}}}), and a French
 * text for every English one.
 */
class WebappLocalesTests {

  private static final String WEBAPPS = "META-INF/resources/webjars/camunda/app/";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([\\w.]+)\\s*}}|\\{}");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void frenchCoversEveryKeyOfCamundasEnglish(String webapp) throws IOException {
    JsonNode english = read(WEBAPPS + webapp + "/locales/en.json");
    JsonNode french = read(WEBAPPS + webapp + "/locales/fr.json");

    assertThat(keys(french.get("labels")))
        .as("clés de %s/locales/fr.json", webapp)
        .isEqualTo(keys(english.get("labels")));
    assertThat(keys(french)).as("sections de %s/locales/fr.json", webapp).isEqualTo(keys(english));
    if (english.has("dateLocales")) {
      assertThat(paths(french.get("dateLocales"), ""))
          .isEqualTo(paths(english.get("dateLocales"), ""));
    }

    List<String> wrong = new ArrayList<>();
    english
        .get("labels")
        .properties()
        .forEach(
            entry -> {
              String en = entry.getValue().asText();
              String fr = french.get("labels").get(entry.getKey()).asText();
              if (!placeholders(en).equals(placeholders(fr))) {
                wrong.add(
                    entry.getKey()
                        + " : paramètres "
                        + placeholders(en)
                        + " ≠ "
                        + placeholders(fr));
              }
              if (!en.isBlank() && fr.isBlank()) {
                wrong.add(entry.getKey() + " : pas de texte français");
              }
            });
    assertThat(wrong).as("textes de %s/locales/fr.json", webapp).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void everyWebappIsConfiguredInFrenchOnly(String webapp) throws IOException {
    assertThat(text(WEBAPPS + "anef/settings.js"))
        .contains("availableLocales: ['fr']")
        .contains("fallbackLocale: 'fr'")
        .contains("customScripts: ['../anef/webapps']");
    String config = text(WEBAPPS + webapp + "/scripts/config.js");
    assertThat(config)
        .as("%s/scripts/config.js", webapp)
        .contains("import settings from '../../anef/settings.js';")
        .containsPattern("export default settings\\('[^']+'");
    if (config.contains("customScripts")) {
      assertThat(config).contains("customScripts: ['../anef/webapps'");
    }
    assertThat(text(WEBAPPS + webapp + "/styles/user-styles.css")).contains(".ce-eol-banner");
  }

  private static Set<String> keys(JsonNode node) {
    Set<String> keys = new TreeSet<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static Set<String> paths(JsonNode node, String prefix) {
    Set<String> paths = new TreeSet<>();
    if (node.isObject()) {
      node.properties().forEach(e -> paths.addAll(paths(e.getValue(), prefix + "/" + e.getKey())));
    } else if (node.isArray()) {
      paths.add(prefix + "[" + node.size() + "]");
    } else {
      paths.add(prefix);
    }
    return paths;
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group(1) == null ? "{}" : m.group(1));
    }
    found.sort(null);
    return found;
  }

  /** Camunda's files start with a byte-order mark, which Jackson does not skip. */
  private static JsonNode read(String resource) throws IOException {
    return JSON.readTree(text(resource).replace("\uFEFF", ""));
  }

  private static String text(String resource) throws IOException {
    try (InputStream in = WebappLocalesTests.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
