package org.yiwang.identity.staff;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 演示账号动态验证码 (demo only): the current and the next TOTP code of each demo staff account, so that the demo can
 * be tried without a phone. Exists only with {@code yiwang.demo.enabled}; the platform refuses to start with it
 * under the {@code prod} profile, like the SMS outbox.
 */
@Controller
@ConditionalOnBooleanProperty("yiwang.demo.enabled")
class DemoStaffCodesPage {

    record Row(String username, String password, String displayName, String roles, String code, String next) {
    }

    private final StaffAccounts accounts;

    DemoStaffCodesPage(StaffAccounts accounts, Environment environment) {
        if (Arrays.asList(environment.getActiveProfiles()).contains("prod")) {
            throw new IllegalStateException("yiwang.demo.enabled shows the demo staff accounts' one-time codes on a "
                    + "web page and must not be used with the prod profile");
        }
        this.accounts = accounts;
    }

    @GetMapping("/dev/staff-codes")
    String codes(Model model) {
        Instant now = Instant.now();
        List<Row> rows = DemoStaff.accounts().stream().flatMap(a -> secret(a.username()).stream().map(secret ->
                new Row(a.username(), a.password(), a.displayName(), StaffAdministration.labels(a.roles()),
                        Totp.code(secret, now), Totp.code(secret, now.plus(Totp.STEP))))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("secondsLeft", Totp.STEP.getSeconds() - now.getEpochSecond() % Totp.STEP.getSeconds());
        return "dev/staff-codes";
    }

    /** The secret the account has now (an administrator may have reset it, and the holder enrolled another). */
    private Optional<String> secret(String username) {
        return accounts.find(username).filter(StaffAccount::totpEnrolled).flatMap(a -> accounts.totpSecret(username));
    }
}
