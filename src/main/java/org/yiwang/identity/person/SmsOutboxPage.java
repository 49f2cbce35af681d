package org.yiwang.identity.person;

import java.time.format.DateTimeFormatter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.yiwang.shared.Masking;

/** 短信发件箱 (development only): the messages of the outbox SMS sender, mobile numbers masked, codes in full. */
@Controller
@ConditionalOnProperty(name = "yiwang.sms.sender", havingValue = "outbox")
public class SmsOutboxPage {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public record Message(String time, String mobile, String text) {
    }

    private final JdbcClient jdbc;

    SmsOutboxPage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/dev/sms-outbox")
    String outbox(Model model) {
        model.addAttribute("messages", jdbc.sql("SELECT mobile, text, sent_at FROM sms_outbox ORDER BY id DESC LIMIT 50")
                .query((rs, n) -> new Message(TIME.format(rs.getTimestamp("sent_at").toInstant()
                        .atZone(AccountPages.CHINA)), Masking.mobile(rs.getString("mobile")), rs.getString("text")))
                .list());
        return "dev/sms-outbox";
    }
}
