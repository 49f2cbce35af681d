package org.yiwang.identity.oidc;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * With {@code yiwang.demo.enabled}: the demo clients {@code dept-system} (confidential, secret
 * {@code dept-system-secret}) and {@code mobile-app} (public), which sign in citizens, and {@code window-system}
 * (confidential, secret {@code window-system-secret}), a department's window system signing in its staff.
 * Idempotent.
 */
@Component
@ConditionalOnBooleanProperty("yiwang.demo.enabled")
class DemoOidcClients implements ApplicationRunner {

    static final String DEPT_SYSTEM = "dept-system";
    static final String DEPT_SYSTEM_SECRET = "dept-system-secret";
    static final String MOBILE_APP = "mobile-app";
    static final String WINDOW_SYSTEM = "window-system";
    static final String WINDOW_SYSTEM_SECRET = "window-system-secret";

    private final OidcClients clients;

    DemoOidcClients(OidcClients clients) {
        this.clients = clients;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!clients.exists(DEPT_SYSTEM)) {
            clients.register(new OidcClients.Registration(DEPT_SYSTEM, "演示部门业务系统", "CONFIDENTIAL",
                    List.of("http://localhost:8081/login/oauth2/code/yiwang"), List.of("http://localhost:8081/"),
                    List.of("openid", "profile", "phone", "offline_access", "api"),
                    List.of("authorization_code", "refresh_token", "client_credentials")), DEPT_SYSTEM_SECRET);
        }
        if (!clients.exists(MOBILE_APP)) {
            clients.register(new OidcClients.Registration(MOBILE_APP, "演示政务服务移动应用", "PUBLIC",
                    List.of("cn.gov.yiwang.app:/oauth2/callback"), List.of("cn.gov.yiwang.app:/oauth2/logout"),
                    List.of("openid", "profile", "offline_access"),
                    List.of("authorization_code", "refresh_token")), "");
        }
        if (!clients.exists(WINDOW_SYSTEM)) {
            clients.register(new OidcClients.Registration(WINDOW_SYSTEM, "演示窗口受理系统", "CONFIDENTIAL",
                    List.of("http://localhost:8082/login/oauth2/code/yiwang"), List.of("http://localhost:8082/"),
                    List.of("openid", "profile", "offline_access"), List.of("authorization_code", "refresh_token"),
                    OidcClients.SignsIn.STAFF.name(), null), WINDOW_SYSTEM_SECRET);
        }
    }
}
