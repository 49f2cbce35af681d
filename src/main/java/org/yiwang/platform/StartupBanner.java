package org.yiwang.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells the operator where to open the platform once it is ready. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web) {
            int port = web.getWebServer().getPort();
            log.info("""

                    ============================================================
                      一网通办 Yiwang is running
                      Portal (门户):        http://localhost:{}/
                      Admin console (管理): http://localhost:{}/admin
                      API docs:            http://localhost:{}/swagger-ui.html
                      Health:              http://localhost:{}/actuator/health
                    ============================================================""", port, port, port, port);
        }
    }
}
