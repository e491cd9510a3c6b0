package dev.lighttrack.bench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lighttrack.bench.files.JsonMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/** The report in a real browser: Debian's headless Chromium, driven by Selenium through Debian's chromedriver. */
class ReportBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String SERIES = "host/cpu/fp32/lighttrack-mobile-s80";

    @TempDir
    Path dir;

    @Test
    void theReportLoadsWithoutConsoleErrorsAndShowsEverySeriesWithItsRuns() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs Debian's chromium and chromium-driver (./test installs them)");
        for (String commit : List.of("report-1", "report-2", "report-3")) {
            CliRun run = CliRun.of("--device", "host", "--arch", "lighttrack-mobile", "--search-size", "80",
                    "--warmup", "1", "--iterations", "12", "--rounds", "6", "--min-seconds", "0", "--commit", commit);
            assertEquals(0, run.exitCode(), run::toString);
        }
        Path out = dir.resolve("report");
        CliRun report = CliRun.of("report", "--out", out.toString(), "--json");
        assertEquals(0, report.exitCode(), report::toString);
        // what the page must show: every series of the history, each with all its runs
        JsonNode history = JsonMapper.MAPPER.readTree(CliRun.of("history", "--limit", "100000", "--json").out());
        Set<String> series = new HashSet<>();
        int inSeries = 0;
        for (JsonNode r : history.get("runs")) {
            String s = r.get("serial").asText() + "/" + r.get("backend").asText() + "/" + r.get("precision").asText()
                    + "/" + r.get("model").asText();
            series.add(s);
            inSeries += s.equals(SERIES) ? 1 : 0;
        }
        assertTrue(inSeries >= 3, "three runs at search size 80: " + inSeries);

        WebDriver browser = start(dir.resolve("profile"));
        try {
            browser.get(out.resolve("index.html").toUri().toString());
            assertEquals("LightTrack HIL bench report", browser.getTitle());
            List<WebElement> sections = browser.findElements(By.cssSelector("section.series"));
            assertEquals(series.size(), sections.size(), "one section per series");
            WebElement mine = browser.findElement(By.cssSelector("section.series[data-series='" + SERIES + "']"));
            assertTrue(mine.findElement(By.tagName("h3")).getText().contains(SERIES));
            assertEquals(inSeries, mine.findElements(By.cssSelector("svg circle.point")).size(), "a point per run");
            assertTrue(mine.findElement(By.tagName("svg")).getSize().getWidth() > 300, "the chart is drawn");
            assertTrue(browser.findElements(By.cssSelector("section.device[data-serial='host']")).size() == 1);
            List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
            assertEquals(List.of(), problems, "console errors and warnings");
        } finally {
            browser.quit();
        }
    }

    private static WebDriver start(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // no network here: the background services Chromium starts would only fail and log
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
