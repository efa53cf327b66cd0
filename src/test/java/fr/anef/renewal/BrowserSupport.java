package fr.anef.renewal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Headless Chromium (Debian's, never a downloaded build) driven by Playwright, with what the
 * journeys share: one fresh browser context per person, full-page screenshots under target/e2e/,
 * axe-core injected into the application's own pages, and the Tasklist gestures (log in, open a
 * filter and a task, claim, complete).
 */
final class BrowserSupport implements AutoCloseable {

  static final Path EVIDENCE = Paths.get("target", "e2e");
  static final Path CHROMIUM =
      Paths.get(System.getProperty("browser.chromium", "/usr/bin/chromium"));
  static final Path AXE_DIR = Paths.get(".ci", "axe");
  static final Path AXE_SCRIPT = AXE_DIR.resolve("node_modules/axe-core/axe.min.js");
  static final List<String> CHROMIUM_FLAGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-quic",
          "--disable-dev-shm-usage",
          "--lang=fr-FR");

  final String base;
  private final Playwright playwright;
  private final Browser browser;
  private final String axeSource;
  private final List<String> axeReport = new ArrayList<>();
  private int shots;

  BrowserSupport(String base) {
    this.base = base;
    if (!Files.isExecutable(CHROMIUM)) {
      throw new IllegalStateException(
          "Chromium est introuvable à "
              + CHROMIUM
              + " : installez le paquet Debian « chromium »"
              + " (.ci/run le fait) ou écartez la suite avec -DexcludedGroups=navigateur.");
    }
    this.axeSource = axeSource();
    try {
      Files.createDirectories(EVIDENCE);
      try (var old = Files.list(EVIDENCE)) {
        for (Path file : old.toList()) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    // launch() gives every run a fresh, temporary profile.
    // French for Chromium's own words too (file inputs: « Choisir des fichiers »; Debian's
    // chromium-l10n).
    Map<String, String> env = new java.util.HashMap<>(System.getenv());
    env.put("LANGUAGE", "fr");
    env.put("LANG", "fr_FR.UTF-8");
    this.browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(CHROMIUM_FLAGS)
                    .setEnv(env));
    PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
  }

  /**
   * A new person at their own browser: own cookies, French, a tall window so that screenshots show
   * whole forms.
   */
  Page person() {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setLocale("fr-FR")
                .setTimezoneId("Europe/Paris")
                .setViewportSize(1280, 1400)
                .setAcceptDownloads(true)
                .setBaseURL(base));
    context.setDefaultTimeout(30_000);
    return context.newPage();
  }

  /** A full-page screenshot, numbered in the order of the journeys. */
  void screenshot(Page page, String name) {
    shots++;
    page.screenshot(
        new Page.ScreenshotOptions()
            .setFullPage(true)
            .setPath(EVIDENCE.resolve(String.format("%02d-%s.png", shots, name))));
  }

  /**
   * The screen at 1280 px and at a phone's 390 px (two screenshots, {@code -1280} and {@code
   * -390}). The application's own pages must fit the phone's width (no horizontal scrolling);
   * Tasklist is photographed as it is.
   */
  void screenshots(Page page, String name) {
    var size = page.viewportSize();
    screenshot(page, name + "-1280");
    page.setViewportSize(390, 844);
    try {
      page.waitForFunction("() => window.innerWidth === 390");
      shots--;
      page.screenshot(
          new Page.ScreenshotOptions()
              .setFullPage(true)
              .setPath(EVIDENCE.resolve(String.format("%02d-%s.png", ++shots, name + "-390"))));
      if (!page.url().contains("/camunda/")) {
        Object width = page.evaluate("() => document.documentElement.scrollWidth");
        assertThat(((Number) width).intValue())
            .as("largeur de « %s » sur un écran de 390 px", name)
            .isLessThanOrEqualTo(390);
      }
    } finally {
      page.setViewportSize(size.width, size.height);
    }
  }

  /**
   * Camunda's English texts (its webapps' en.json, in the webapp jar) that our French files
   * translate differently, less the labels of our own forms (forms/*.form).
   */
  private static final java.util.Set<String> CAMUNDA_ENGLISH = camundaEnglish();

  private static java.util.Set<String> camundaEnglish() {
    java.util.Set<String> english = new java.util.HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (String app : List.of("tasklist", "cockpit", "admin", "welcome")) {
      String dir = "META-INF/resources/webjars/camunda/app/" + app + "/locales/";
      try (var en = BrowserSupport.class.getClassLoader().getResourceAsStream(dir + "en.json");
          var fr = BrowserSupport.class.getClassLoader().getResourceAsStream(dir + "fr.json")) {
        JsonNode enLabels =
            json.readTree(
                    new String(en.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", ""))
                .get("labels");
        JsonNode frLabels = json.readTree(fr.readAllBytes()).get("labels");
        enLabels
            .properties()
            .forEach(
                e -> {
                  String text = e.getValue().asText().trim();
                  if (text.length() > 2 && !text.equals(frLabels.get(e.getKey()).asText().trim())) {
                    english.add(text);
                  }
                });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    // A word that our own forms use on purpose, as the seed does (« Email »), is ours, not
    // Camunda's.
    try (var forms = Files.list(Paths.get("forms"))) {
      for (Path form : forms.toList()) {
        json.readTree(form.toFile())
            .findValues("label")
            .forEach(label -> english.remove(label.asText().trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return java.util.Set.copyOf(english);
  }

  /**
   * No line of visible text on the screen is one of Camunda's English texts (« Complete », « Claim
   * »…).
   */
  void noCamundaEnglish(Page page, String label) {
    String visible = page.locator("body").innerText();
    List<String> found =
        visible.lines().map(String::trim).filter(CAMUNDA_ENGLISH::contains).distinct().toList();
    assertThat(found).as("textes anglais de Camunda visibles sur « %s »", label).isEmpty();
  }

  /** Clicks what downloads a file and returns its bytes, kept under target/e2e/ too. */
  byte[] download(Page page, Locator link) {
    Download download = page.waitForDownload(link::click);
    try {
      Path kept = EVIDENCE.resolve(download.suggestedFilename());
      download.saveAs(kept);
      return Files.readAllBytes(kept);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- accessibility

  /**
   * Runs axe-core on the page as it is and records the violations by impact; fails on a serious or
   * critical one, naming the rule and the elements.
   */
  void checkAccessibility(Page page, String label) {
    page.addScriptTag(new Page.AddScriptTagOptions().setContent(axeSource));
    String json =
        (String)
            page.evaluate(
                "async () => JSON.stringify((await axe.run(document, "
                    + "{ resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, "
                    + "targets: v.nodes.map(n => n.target.join(' ')) })))");
    JsonNode violations;
    try {
      violations = new ObjectMapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Integer> byImpact = new TreeMap<>();
    List<String> blocking = new ArrayList<>();
    for (JsonNode v : violations) {
      String impact = v.get("impact").asText();
      byImpact.merge(impact, 1, Integer::sum);
      String line =
          impact
              + " "
              + v.get("id").asText()
              + " ("
              + v.get("help").asText()
              + ") "
              + v.get("targets");
      if (impact.equals("serious") || impact.equals("critical")) {
        blocking.add(line);
      }
    }
    StringBuilder entry =
        new StringBuilder(
            label
                + " — "
                + page.url().replace(base, "").replaceAll("\\?.*", "")
                + " — "
                + (byImpact.isEmpty() ? "aucune violation" : byImpact));
    violations.forEach(
        v ->
            entry
                .append("\n    ")
                .append(v.get("impact").asText())
                .append(' ')
                .append(v.get("id").asText())
                .append(' ')
                .append(v.get("targets")));
    axeReport.add(entry.toString());
    writeAxeReport();
    assertThat(blocking).as("axe-core, violations graves ou critiques sur « %s »", label).isEmpty();
  }

  private void writeAxeReport() {
    try {
      Files.writeString(
          EVIDENCE.resolve("axe.txt"), String.join("\n", axeReport) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** axe.min.js from the npm package axe-core (.ci/axe); installed there with npm when missing. */
  static String axeSource() {
    try {
      if (!Files.exists(AXE_SCRIPT)) {
        // Output shown, input not inherited: the test JVM's standard input is Surefire's command
        // channel, and node would make it non-blocking (« std/in stream corrupted » in the fork).
        Process npm =
            new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund", "--silent")
                .directory(AXE_DIR.toFile())
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        npm.getOutputStream().close();
        if (!npm.waitFor(180, TimeUnit.SECONDS) || npm.exitValue() != 0) {
          throw new IllegalStateException(
              "npm ci dans .ci/axe a échoué : axe-core est introuvable");
        }
      }
      return Files.readString(AXE_SCRIPT, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(
          "axe-core est introuvable : lancez « npm ci » dans .ci/axe (npm requis)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------- Tasklist and Cockpit

  /**
   * Logs into a Camunda web application (Tasklist, Cockpit) the only way there is: the webapp's
   * address leads to the application's French login page, which leads back to the webapp once the
   * password is accepted.
   */
  void camundaLogin(Page page, String app, String user, String password) {
    page.navigate("/camunda/app/" + app + "/");
    PlaywrightAssertions.assertThat(page)
        .hasURL(java.util.regex.Pattern.compile(".*/connexion\\?suite=.*"));
    page.getByLabel("Identifiant :").fill(user);
    page.getByLabel("Mot de passe :").fill(password);
    page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("S'identifier"))
        .click();
    // The first load of a Camunda web application is long (a few megabytes of scripts) on a busy
    // machine.
    try {
      String landmark =
          switch (app) {
            case "tasklist" -> "Commencer une démarche";
            default -> "Processus";
          };
      // 3 minutes at most: a webapp's very first load in a fresh JVM, on two cores shared with
      // other builds, has taken more than 90 s.
      PlaywrightAssertions.assertThat(page.getByText(landmark).first())
          .isVisible(
              new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                  .setTimeout(180_000));
    } catch (AssertionError notThere) {
      screenshot(page, "echec-connexion-" + user);
      throw new AssertionError("après la connexion de " + user + " : " + page.url(), notThere);
    }
  }

  /**
   * An applicant's next step, opened by Tasklist itself once the previous one was sent
   * (anef/tasklist.js).
   */
  static Locator nextStepOpens(Page page, String taskName) {
    PlaywrightAssertions.assertThat(
            page.locator(".task-card h2, .task-card .names").getByText(taskName).first())
        .isVisible(
            new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                .setTimeout(60_000));
    Locator form = page.locator(".fjs-form");
    form.waitFor();
    return form;
  }

  /**
   * Opens a Tasklist filter, then the named task, reloading while the engine's jobs have not yet
   * created it.
   */
  Locator openTask(Page page, String filter, String taskName) {
    return openTask(page, filter, taskName, false);
  }

  /**
   * The same, for a task created already assigned to the user: no « Prendre en charge » is shown
   * (ADR 0023).
   */
  Locator openOwnTask(Page page, String filter, String taskName) {
    return openTask(page, filter, taskName, true);
  }

  private Locator openTask(Page page, String filter, String taskName, boolean alreadyTheirs) {
    return openTask(page, filter, taskName, () -> null, alreadyTheirs);
  }

  /**
   * Opens a Tasklist filter, then the task of one case among others of the same name: {@code
   * taskId} names it once the engine has created it (null before).
   */
  Locator openTask(Page page, String filter, String taskName, Supplier<String> taskId) {
    return openTask(page, filter, taskName, taskId, false);
  }

  /** The same, for a task created already assigned to the user. */
  Locator openOwnTask(Page page, String filter, String taskName, Supplier<String> taskId) {
    return openTask(page, filter, taskName, taskId, true);
  }

  private Locator openTask(
      Page page, String filter, String taskName, Supplier<String> taskId, boolean alreadyTheirs) {
    Locator[] task = new Locator[1];
    eventually(
        "la tâche « " + taskName + " » dans « " + filter + " »",
        () -> {
          String id = taskId.get();
          Locator named =
              page.locator(".tasks-list .task")
                  .getByText(taskName, new Locator.GetByTextOptions().setExact(true));
          task[0] =
              (id == null
                      ? named
                      : page.locator(".tasks-list .task")
                          .filter(
                              new Locator.FilterOptions()
                                  .setHas(page.locator("[href*='task=" + id + "']")))
                          .getByText(taskName, new Locator.GetByTextOptions().setExact(true)))
                  .first();
          page.locator(".task-filters").getByText(filter).first().click();
          page.waitForLoadState(LoadState.NETWORKIDLE);
          if (task[0].isVisible()) {
            return true;
          }
          page.reload(
              new Page.ReloadOptions()
                  .setWaitUntil(com.microsoft.playwright.options.WaitUntilState.NETWORKIDLE));
          return false;
        });
    task[0].click();
    Locator claim =
        page.getByRole(
            com.microsoft.playwright.options.AriaRole.BUTTON,
            new Page.GetByRoleOptions().setName("Prendre en charge").setExact(true));
    Locator form = page.locator(".fjs-form");
    form.waitFor();
    if (alreadyTheirs) {
      PlaywrightAssertions.assertThat(claim).isHidden();
    } else if (claim.isVisible()) {
      claim.click();
      PlaywrightAssertions.assertThat(claim).isHidden();
    }
    return form;
  }

  /** Chooses an option of a Camunda Forms select found by its label. */
  static void choose(Page page, String label, String option) {
    page.locator(".fjs-form-field-select")
        .filter(new Locator.FilterOptions().setHasText(label))
        .locator(".fjs-select-display")
        .click();
    page.locator(".fjs-dropdownlist-item")
        .filter(new Locator.FilterOptions().setHasText(option))
        .first()
        .click();
  }

  /** A group of a Camunda Form whose heading is {@code heading}. */
  static Locator group(Page page, String heading) {
    return page.locator(".fjs-form-field-group")
        .filter(
            new Locator.FilterOptions()
                .setHas(
                    page.getByRole(
                        com.microsoft.playwright.options.AriaRole.HEADING,
                        new Page.GetByRoleOptions().setName(heading))));
  }

  static Locator completeButton(Page page) {
    return page.getByRole(
        com.microsoft.playwright.options.AriaRole.BUTTON,
        new Page.GetByRoleOptions().setName("Valider").setExact(true));
  }

  /** Completes the open task and waits for the engine's answer: the step is stored. */
  static void complete(Page page) {
    submit(page, completeButton(page));
  }

  /**
   * Clicks a task's sending button and waits for the engine's answer to the form (2xx: the step is
   * stored).
   */
  static void submit(Page page, Locator button) {
    PlaywrightAssertions.assertThat(button).isEnabled();
    com.microsoft.playwright.Response answer =
        page.waitForResponse(
            r -> r.url().endsWith("/submit-form") && "POST".equals(r.request().method()),
            button::click);
    assertThat(answer.status()).as("réponse du moteur au formulaire").isBetween(200, 299);
  }

  /** Polls a condition that depends on the engine's job executor (async steps), 60 s at most. */
  static void eventually(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("pas vu dans les 60 s : " + what);
      }
      try {
        Thread.sleep(200); // leave the 2 cores to the server and the browser between two looks
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrompu en attendant : " + what, e);
      }
    }
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
