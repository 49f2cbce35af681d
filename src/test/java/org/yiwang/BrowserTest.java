package org.yiwang;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A test class driving the whole platform in Chromium: one browser per class, a fresh context (cookies, storage) and
 * page per test, at desktop size with a Chinese browser locale. Subclasses are {@link IntegrationTest}s.
 */
public abstract class BrowserTest {

    protected static final Path SCREENSHOTS = Paths.get("target", "screenshots");

    private static Chromium chromium;

    @LocalServerPort
    protected int port;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchChromium() {
        chromium = Chromium.launch();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser().newContext(new Browser.NewContextOptions().setViewportSize(1280, 900).setLocale("zh-CN"));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    protected static Browser browser() {
        return chromium.browser();
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
