package org.yiwang.cases;

import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yiwang.cases.CaseRecord.ApplicantKind;
import org.yiwang.identity.ActingFor;
import org.yiwang.identity.Applicant;
import org.yiwang.identity.SmsSender;
import org.yiwang.identity.Staff;
import org.yiwang.identity.StaffRole;
import org.yiwang.shared.Masking;

/**
 * Notifications about cases: in-site messages (站内消息) to the applicant — the person, or the enterprise — and to
 * staff — the handler, or the candidate group of an unclaimed task; SMS through the pluggable {@link SmsSender} for
 * acceptance, correction requests and completion, sent after the transaction commits (a failed SMS never undoes the
 * action). The SMS text is not masked; logs show the mobile number masked.
 */
@Component
class CaseNotifications {

    private static final Logger log = LoggerFactory.getLogger(CaseNotifications.class);

    private final JdbcClient jdbc;
    private final SmsSender sms;
    private final CaseClock clock;

    CaseNotifications(JdbcClient jdbc, SmsSender sms, CaseClock clock) {
        this.jdbc = jdbc;
        this.sms = sms;
        this.clock = clock;
    }

    void applicant(CaseRecord c, String kind, String text, boolean bySms) {
        if (c.applicantKind() == ApplicantKind.ENTERPRISE && c.creditCode() != null) {
            insert(c.id(), "ENTERPRISE", c.creditCode(), kind, text);
        } else if (c.applicantAccount() != null) {
            insert(c.id(), "PERSON", c.applicantAccount(), kind, text);
        }
        String mobile = c.applicantMobile();
        if (bySms && mobile != null) {
            String message = "【一网通办】" + text;
            afterCommit(() -> {
                try {
                    sms.send(mobile, message);
                    log.info("SMS {} for case {} sent to {}", kind, c.caseNumber(), Masking.mobile(mobile));
                } catch (RuntimeException e) {
                    log.warn("SMS {} for case {} to {} not sent: {}", kind, c.caseNumber(), Masking.mobile(mobile),
                            Masking.inText(String.valueOf(e.getMessage())));
                }
            });
        }
    }

    /** To everyone of the case's department or region who holds {@code role} (e.g. the approvers, for a request). */
    void group(CaseRecord c, StaffRole role, String kind, String text) {
        String scope = StaffAccess.DEPARTMENT_ROLES.contains(role) ? c.departmentCode() : c.regionCode();
        insert(c.id(), "GROUP", role.name() + "@" + scope, kind, text);
    }

    /** To the handler of the case's current task, or to the group that may take it. */
    void staff(CaseRecord c, String kind, String text) {
        if (c.handler() != null) {
            insert(c.id(), "STAFF", c.handler(), kind, text);
        } else if (c.currentRole() != null) {
            insert(c.id(), "GROUP", group(c), kind, text);
        }
    }

    /** Whose messages: SQL on {@code service_case_message m}. */
    record Recipients(String where, Map<String, Object> params) {
    }

    /** The applicant's messages: the person's own, or, acting for an enterprise, the enterprise's. */
    static Recipients of(Applicant applicant) {
        ActingFor acting = applicant.acting();
        return new Recipients(acting == null ? "m.recipient_kind = 'PERSON' AND m.recipient = :me"
                : "m.recipient_kind = 'ENTERPRISE' AND m.recipient = :me",
                Map.of("me", acting == null ? applicant.person().accountId().value() : acting.creditCode()));
    }

    /**
     * Messages to the member, and to the groups of unclaimed tasks the member may take (a group's message read by
     * one member is read for the group).
     */
    static Recipients of(Staff staff) {
        Map<String, Object> params = new HashMap<>();
        params.put("me", staff.username());
        StringBuilder where = new StringBuilder("(m.recipient_kind = 'STAFF' AND m.recipient = :me)");
        for (StaffRole role : List.of(StaffRole.WINDOW_CLERK, StaffRole.REVIEWER, StaffRole.APPROVER)) {
            if (staff.has(role)) {
                boolean department = StaffAccess.DEPARTMENT_ROLES.contains(role);
                params.put(role.name(), role.name() + "@" + (department ? staff.departmentCode().value()
                        : StaffAccess.regionPrefix(staff) + "%"));
                where.append(" OR (m.recipient_kind = 'GROUP' AND m.recipient ").append(department ? "=" : "LIKE")
                        .append(" :").append(role.name()).append(")");
            }
        }
        return new Recipients("(" + where + ")", params);
    }

    /** The newest 100 messages of the recipients: all, or only unread ones, or only those of one case. */
    List<CaseMessage> list(Recipients to, boolean unreadOnly, @Nullable String caseNumber) {
        var statement = jdbc.sql("""
                SELECT m.id, c.case_number, m.kind, m.text, m.created_at, m.read_at
                FROM service_case_message m JOIN service_case c ON c.id = m.case_id
                WHERE""" + " " + to.where() + (unreadOnly ? " AND m.read_at IS NULL" : "")
                + (caseNumber == null ? "" : " AND c.case_number = :number")
                + " ORDER BY m.created_at DESC, m.id DESC LIMIT 100");
        if (caseNumber != null) {
            statement = statement.param("number", caseNumber);
        }
        return bind(statement, to).query(CaseNotifications::message).list();
    }

    long unread(Recipients to) {
        return bind(jdbc.sql("SELECT count(*) FROM service_case_message m WHERE m.read_at IS NULL AND " + to.where()),
                to).query(Long.class).single();
    }

    /**
     * Marks one message of the recipients read (an unknown id, or another's message, gives nothing), or with
     * {@code id} null all unread ones, or with {@code caseNumber} those of one case. Returns the messages marked.
     */
    List<CaseMessage> markRead(Recipients to, @Nullable Long id, @Nullable String caseNumber) {
        var statement = jdbc.sql("UPDATE service_case_message m SET read_at = COALESCE(m.read_at, :now) FROM "
                + "service_case c WHERE c.id = m.case_id AND " + to.where()
                + (id == null ? " AND m.read_at IS NULL" : " AND m.id = :id") + (caseNumber == null ? "" : " AND c.case_number = :number")
                + " RETURNING m.id, c.case_number, m.kind, m.text, m.created_at, m.read_at")
                .param("now", Timestamp.from(clock.instant()));
        if (id != null) {
            statement = statement.param("id", id);
        }
        if (caseNumber != null) {
            statement = statement.param("number", caseNumber);
        }
        return bind(statement, to).query(CaseNotifications::message).list();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Recipients to) {
        for (var e : to.params().entrySet()) {
            statement = statement.param(e.getKey(), e.getValue());
        }
        return statement;
    }

    private static CaseMessage message(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp read = rs.getTimestamp("read_at");
        return new CaseMessage(rs.getLong("id"), rs.getString("case_number"), rs.getString("kind"),
                rs.getString("text"), rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }

    static String group(CaseRecord c) {
        String scope = StaffAccess.DEPARTMENT_ROLES.stream().anyMatch(r -> r.name().equals(c.currentRole()))
                ? c.departmentCode() : c.regionCode();
        return c.currentRole() + "@" + scope;
    }

    private void insert(long caseId, String recipientKind, String recipient, String kind, String text) {
        jdbc.sql("""
                INSERT INTO service_case_message (case_id, recipient_kind, recipient, kind, text, created_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(caseId, recipientKind, recipient, kind, text, Timestamp.from(clock.instant())).update();
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
